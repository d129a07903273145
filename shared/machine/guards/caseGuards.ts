/**
 * The guards of the case machine: who may do what, and whether a payload makes sense now. The
 * machine refers to them by name; compose them with `and([...])` in the state configs.
 */
import type { ClockId } from '../../time/clockIds.js';
import type { Channel, ClosureReason, OrgType } from '../../vocabulary.js';
import * as who from '../caseActors.js';
import type { CaseContext } from '../caseContext.js';
import { eventOf, hasText } from '../caseEventOf.js';
import type { CaseEvent } from '../caseEvents.js';
import { everyRespondentIn, respondentIds, respondentSlots, serviceAt } from '../respondents.js';
import { courtMayTrySummarily } from '../rules/administrativeRules.js';
import {
  closureReasonFor,
  isSummaryTrack,
  isValidDetermination,
  maxArbitrationExtensionDays,
  needsCompliance,
  punitiveDamagesAllowed,
  type Decider,
} from '../rules/caseRules.js';
import { administrativeGuards, isEarlierRuleEvent } from './administrativeGuards.js';
import { courtGuards } from './courtGuards.js';
import { mediationGuards } from './mediationGuards.js';

interface GuardArgs {
  context: CaseContext;
  event: CaseEvent;
}

/** Guard implementations, keyed by the names the machine uses. */
export const caseGuards = {
  ...mediationGuards,
  // ── actors ──────────────────────────────────────────────────────────────
  isSystem: ({ event }: GuardArgs) => who.isSystem(event.actor),
  isAdmin: ({ event }: GuardArgs) => who.isAdmin(event.actor),
  isSystemOrAdmin: ({ event }: GuardArgs) => who.isSystem(event.actor) || who.isAdmin(event.actor),
  isStaff: ({ event }: GuardArgs) => who.isStaff(event.actor),
  isOfficerOf: ({ event }: GuardArgs, params: { orgType: OrgType }) =>
    who.isOfficerOf(event.actor, params.orgType),
  isHandler: ({ context, event }: GuardArgs) => who.isHandler(context, event.actor),
  /** The handler, or the mediator / arbitrator who ran the procedure that produced the outcome. */
  isResolutionHandler: ({ context, event }: GuardArgs) =>
    who.isHandler(context, event.actor) ||
    (context.channel === 'mediation' && who.isAssignedMediator(context, event.actor)) ||
    (context.channel === 'arbitration' && who.isAssignedArbitrator(context, event.actor)),
  mayAssignMediator: ({ context, event }: GuardArgs) =>
    who.isSystem(event.actor) || who.isHandler(context, event.actor),
  isComplainant: ({ context, event }: GuardArgs) => who.isComplainant(context, event.actor),
  isRespondent: ({ context, event }: GuardArgs) => who.isRespondent(context, event.actor),
  isParty: ({ context, event }: GuardArgs) => who.partySide(context, event.actor) !== null,
  isAssignedMediator: ({ context, event }: GuardArgs) => who.isAssignedMediator(context, event.actor),
  isAssignedArbitrator: ({ context, event }: GuardArgs) => who.isAssignedArbitrator(context, event.actor),
  isAssignedInvestigator: ({ context, event }: GuardArgs) => who.isAssignedInvestigator(context, event.actor),

  // ── case facts ──────────────────────────────────────────────────────────
  isHeld: ({ context }: GuardArgs) => context.held,
  isFastTrack: ({ context }: GuardArgs) => context.fastTrack,
  /** A court tries the case summarily: a simple track, and a court that may (法释〔2022〕13号). */
  isSummaryTrack: ({ context, event }: GuardArgs) =>
    isEarlierRuleEvent(event)
      ? isSummaryTrack(context.track)
      : courtMayTrySummarily(context.track, context.ipType),
  channelIs: ({ context }: GuardArgs, params: { channel: Channel }) => context.channel === params.channel,
  beforeDecision: ({ context }: GuardArgs) => context.outcome === null,
  needsCompliance: ({ context }: GuardArgs) => needsCompliance(context),

  // ── clocks ──────────────────────────────────────────────────────────────
  /** The clock fired one of these clocks, and it runs now. */
  expiryOf: ({ context, event }: GuardArgs, params: { clocks: readonly ClockId[] }) => {
    const expiry = eventOf(event, 'DEADLINE');
    return (
      expiry !== null &&
      who.isSystem(expiry.actor) &&
      params.clocks.includes(expiry.clock) &&
      context.clocks[expiry.clock] !== undefined
    );
  },
  /** The clock fired a running clock whose breach is not recorded yet (warning-only deadlines). */
  isUnrecordedBreach: ({ context, event }: GuardArgs) => {
    const expiry = eventOf(event, 'DEADLINE');
    if (expiry === null || !who.isSystem(expiry.actor)) return false;
    const entry = context.clocks[expiry.clock];
    return entry !== undefined && entry.breachedAt === undefined;
  },

  // ── routing ─────────────────────────────────────────────────────────────
  /** Routing away from the recommended channel needs a reason. */
  isRouteJustified: ({ context, event }: GuardArgs) => {
    const route = eventOf(event, 'ROUTE');
    return route !== null && (route.channel === context.recommendedChannel || hasText(route.reason));
  },
  /**
   * A transfer goes to another channel, with a reason, before any decision (and to arbitration only
   * with an arbitration agreement).
   */
  isTransferValid: ({ context, event }: GuardArgs) => {
    const transfer = eventOf(event, 'TRANSFER');
    return (
      transfer !== null &&
      transfer.channel !== context.channel &&
      hasText(transfer.reason) &&
      context.outcome === null &&
      administrativeGuards.isArbitrationAllowed({ context, event })
    );
  },
  /** A transfer after a decision that was not complied with: only to social supervision. */
  isComplianceTransfer: ({ context, event }: GuardArgs) => {
    const transfer = eventOf(event, 'TRANSFER');
    return (
      transfer !== null &&
      transfer.channel === 'socialSupervision' &&
      transfer.channel !== context.channel &&
      hasText(transfer.reason)
    );
  },
  /**
   * Service is recorded once, on an open case in a channel before a decision: by the platform when the respondent
   * claims the invitation (`link`), by the handler or an admin for the other means, with a date of
   * service between filing and now.
   */
  mayRecordService: ({ context, event }: GuardArgs) => {
    const serve = eventOf(event, 'SERVE');
    if (!serve || context.channel === null) return false;
    const slot = serve.respondent ?? 0;
    if (slot >= respondentSlots(context) || serviceAt(context, slot)) return false;
    if (context.closureReason !== null || context.outcome !== null) return false;
    const byPlatform = who.isSystem(event.actor);
    if (serve.means === 'link' ? !byPlatform : !(byPlatform || who.isHandler(context, event.actor)))
      return false;
    const servedAt = Date.parse(serve.servedAt);
    return (
      Number.isFinite(servedAt) && servedAt >= Date.parse(context.filedAt) && servedAt <= Date.parse(serve.at)
    );
  },
  /** An account that is not yet a party of the case, for a respondent slot the case has. */
  isLinkableRespondent: ({ context, event }: GuardArgs) => {
    const link = eventOf(event, 'LINK_RESPONDENT');
    return (
      link !== null &&
      context.closureReason === null &&
      (link.respondent ?? 0) < respondentSlots(context) &&
      link.respondentId !== context.complainantId &&
      !respondentIds(context).includes(link.respondentId)
    );
  },
  /** A respondent who has not consented yet. */
  mayConsent: ({ context, event }: GuardArgs) =>
    who.isRespondent(context, event.actor) && !(context.respondentConsents ?? []).includes(event.actor.id),
  /** This consent is the last one missing: every respondent has consented with it. */
  isLastConsent: ({ context, event }: GuardArgs) =>
    everyRespondentIn(context, [...(context.respondentConsents ?? []), event.actor.id]),

  // ── assignments ─────────────────────────────────────────────────────────
  isMediatorEligible: ({ context, event }: GuardArgs) => {
    const assign = eventOf(event, 'ASSIGN_MEDIATOR');
    return assign !== null && !context.declinedMediatorIds.includes(assign.mediatorId);
  },
  isArbitratorEligible: ({ context, event }: GuardArgs) => {
    const appoint = eventOf(event, 'APPOINT_ARBITRATOR');
    return appoint !== null && !context.declinedArbitratorIds.includes(appoint.arbitratorId);
  },

  // ── agreements and extensions ───────────────────────────────────────────
  /** A party that has not signed yet (each respondent signs for themselves). */
  canSign: ({ context, event }: GuardArgs) => {
    const side = who.partySide(context, event.actor);
    if (side === 'respondent') {
      return !context.signatures.respondent && !(context.respondentSignatures ?? []).includes(event.actor.id);
    }
    return side !== null && !context.signatures[side];
  },
  /** Every other party has signed already, so this signature completes the agreement. */
  isLastSignature: ({ context, event }: GuardArgs) => {
    const side = who.partySide(context, event.actor);
    if (side === 'complainant') return context.signatures.respondent;
    return (
      side === 'respondent' &&
      context.signatures.complainant &&
      everyRespondentIn(context, [...(context.respondentSignatures ?? []), event.actor.id])
    );
  },
  /** A party approves a requested extension it has not approved yet. */
  canApproveExtension: ({ context, event }: GuardArgs) => {
    const side = who.partySide(context, event.actor);
    const { requestedDays, approvals, granted } = context.extension;
    return side !== null && requestedDays !== null && !granted && !approvals[side];
  },
  isLastApproval: ({ context, event }: GuardArgs) => {
    const side = who.partySide(context, event.actor);
    return (
      side !== null && context.extension.approvals[side === 'complainant' ? 'respondent' : 'complainant']
    );
  },
  /** Arbitration may be extended once, by at most the rules' extension. */
  isArbitrationExtensionAllowed: ({ context, event }: GuardArgs, params: { clocks: readonly ClockId[] }) => {
    const request = eventOf(event, 'REQUEST_EXTENSION');
    if (request === null || params.clocks.some((id) => context.clocks[id]?.extension !== undefined))
      return false;
    if (request.days === undefined) return params.clocks.some((id) => context.clocks[id] !== undefined);
    return (
      Number.isInteger(request.days) &&
      request.days >= 1 &&
      request.days <= maxArbitrationExtensionDays(context.arbitrationVariant)
    );
  },

  // ── decisions ───────────────────────────────────────────────────────────
  /**
   * Damages only with infringement. Punitive damages only when claimed, for wilful infringement in
   * serious circumstances, and 1–5 times their base (Civil Code art. 1185; Patent Law art. 71,
   * Trademark Law art. 63, Copyright Law art. 54; SPC Interpretation on Punitive Damages in IP Civil
   * Cases, 法释〔2021〕4号, arts. 1, 5 and 6).
   */
  isJudgmentConsistent: ({ context, event }: GuardArgs) => {
    const judgment = eventOf(event, 'RENDER_JUDGMENT');
    if (judgment === null) return false;
    const damages = judgment.damagesCny ?? 0;
    const punitive = judgment.punitiveDamagesCny ?? 0;
    if (!judgment.infringement) return damages === 0 && punitive === 0;
    return punitive === 0 || punitiveDamagesAllowed(context.punitiveClaimed !== false, judgment);
  },
  isAwardConsistent: ({ event }: GuardArgs) => {
    const award = eventOf(event, 'RENDER_AWARD');
    return award !== null && (award.infringement || (award.damagesCny ?? 0) === 0);
  },
  isDeterminationValid: ({ context, event }: GuardArgs, params: { decider: Decider }) => {
    const determination = eventOf(event, 'DETERMINE');
    return (
      determination !== null &&
      isValidDetermination(params.decider, determination.infringement, determination.remedy, context.ipType)
    );
  },
  /** A takedown ordered against an e-commerce listing starts the notice / counter-notice procedure. */
  ordersListingTakedown: ({ context, event }: GuardArgs) => {
    const determination = eventOf(event, 'DETERMINE');
    return (
      determination !== null &&
      context.ecommerce &&
      determination.infringement &&
      determination.remedy === 'takedown'
    );
  },
  /** An officer's refusal needs a reason. */
  hasDeclineReason: ({ event }: GuardArgs) => hasText(eventOf(event, 'DECLINE')?.reason),
  /** CLOSE may name its reason; if it does, it must be the one this state closes with. */
  isCloseReason: ({ context, event }: GuardArgs, params: { reason: ClosureReason | 'fromOutcome' }) => {
    const close = eventOf(event, 'CLOSE');
    if (close === null) return false;
    if (close.reason === undefined) return true;
    if (params.reason !== 'fromOutcome') return close.reason === params.reason;
    return context.outcome !== null && close.reason === closureReasonFor(context.outcome.kind);
  },
  hasComplied: ({ event }: GuardArgs) => eventOf(event, 'RECORD_COMPLIANCE')?.complied === true,

  // ── court ───────────────────────────────────────────────────────────────
  ...courtGuards,
  ...administrativeGuards,
};
