/**
 * The actions of the case machine: every one is a pure context update (`assign`), so the machine
 * can run through xstate's pure `transition`. Values stay JSON-safe: no `undefined` properties.
 */
import { assign, type ParameterizedObject } from 'xstate';
import type { CaseContext, CaseOutcome, ClockEntry } from '../caseContext.js';
import { NO_EXTENSION } from '../caseContext.js';
import type { ClockId } from '../../time/clockIds.js';
import type { ArbitrationVariant, CaseEvent } from '../caseEvents.js';
import { eventAt, eventOf } from '../caseEventOf.js';
import { administrativeActions } from './administrativeActions.js';
import { arbitrationExtension, closureReasonFor, defaultArbitrationVariant } from '../rules/caseRules.js';
import { partySide } from '../caseActors.js';
import { chooseClock } from '../stateClocks.js';
import {
  followsServiceRule,
  isServiceClock,
  restartServiceClocks,
  startAwaitingClocks,
  startServiceClock,
  type ServiceRecord,
} from '../serviceRules.js';
import { mediationActions } from './mediationActions.js';
import { everyRespondentIn, latestServedAt, respondentIdAt } from '../respondents.js';
import { courtActions } from './courtActions.js';
import type { Channel, ClosureReason, Track } from '../../vocabulary.js';

type Params = ParameterizedObject['params'] | undefined;

function update<P extends Params = undefined>(
  fn: (args: { context: CaseContext; event: CaseEvent }, params: P) => Partial<CaseContext>,
) {
  return assign<CaseContext, CaseEvent, P, CaseEvent, never>(fn);
}

/** A copy of `value` without its `undefined` properties (they would not survive JSON). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function withoutClocks(context: CaseContext, ids: readonly ClockId[]): CaseContext['clocks'] {
  return Object.fromEntries(Object.entries(context.clocks).filter(([id]) => !ids.includes(id as ClockId)));
}

function extendClock(
  context: CaseContext,
  id: ClockId,
  extension: ClockEntry['extension'],
): CaseContext['clocks'] {
  const entry = context.clocks[id];
  if (!entry) return context.clocks;
  return { ...context.clocks, [id]: { startedAt: entry.startedAt, extension } };
}

function enterChannel(
  context: CaseContext,
  channel: Channel,
  track: Track | undefined,
  variant: ArbitrationVariant | undefined,
): Partial<CaseContext> {
  const nextTrack = track ?? context.track;
  return {
    channel,
    track: nextTrack,
    fastTrack: channel === 'administrative' && nextTrack === 'fast',
    arbitrationVariant:
      channel === 'arbitration'
        ? (variant ?? defaultArbitrationVariant(nextTrack))
        : context.arbitrationVariant,
  };
}

function outcome(event: CaseEvent, context: CaseContext, fields: Omit<CaseOutcome, 'at'>): CaseOutcome {
  return defined({ ...fields, at: eventAt(event, context) });
}

/** Action implementations, keyed by the names the machine uses. */
export const caseActions = {
  ...mediationActions,
  // ── clocks ──────────────────────────────────────────────────────────────
  // a clock that runs from service waits for it (`serviceRules.ts`; not in logs of earlier versions)
  startClock: update<{ clocks: readonly ClockId[] }>(({ context, event }, { clocks }) => {
    const clock = chooseClock(clocks, context);
    const at = eventAt(event, context);
    if (isServiceClock(clock) && followsServiceRule(event)) return startServiceClock(context, clock, at);
    return { clocks: { ...context.clocks, [clock]: { startedAt: at } } };
  }),
  stopClock: update<{ clocks: readonly ClockId[] }>(({ context }, { clocks }) => {
    const waiting = context.awaitingService ?? {};
    if (!clocks.some((clock) => clock in waiting)) return { clocks: withoutClocks(context, clocks) };
    const awaitingService = { ...waiting };
    for (const clock of clocks) delete awaitingService[clock];
    return { clocks: withoutClocks(context, clocks), awaitingService };
  }),
  /**
   * A respondent is served. The first service starts the clocks waiting for it from its date; a later
   * one moves the start of the running service clocks to its date, so each respondent has the whole
   * period from their own service and the case waits for the last served (`respondents.ts`).
   */
  recordService: update(({ context, event }) => {
    const serve = eventOf(event, 'SERVE');
    if (!serve) return {};
    const service: ServiceRecord = {
      means: serve.means,
      servedAt: serve.servedAt,
      recordedAt: serve.at,
      ...(serve.note ? { note: serve.note } : {}),
    };
    const slot = serve.respondent ?? 0;
    const served =
      slot === 0
        ? { service }
        : {
            coRespondents: (context.coRespondents ?? []).map((r, i) =>
              i === slot - 1 ? { ...r, service } : r,
            ),
          };
    if (latestServedAt(context) === null) {
      return { ...served, clocks: startAwaitingClocks(context, serve.servedAt), awaitingService: {} };
    }
    return { ...served, clocks: restartServiceClocks(context, serve.servedAt) };
  }),
  recordBreach: update(({ context, event }) => {
    const expiry = eventOf(event, 'DEADLINE');
    const entry = expiry && context.clocks[expiry.clock];
    if (!expiry || !entry) return {};
    return { clocks: { ...context.clocks, [expiry.clock]: { ...entry, breachedAt: expiry.at } } };
  }),

  // ── intake, routing, closing ────────────────────────────────────────────
  releaseHold: update(() => ({ held: false })),
  route: update(({ context, event }) => {
    const route = eventOf(event, 'ROUTE');
    return route ? enterChannel(context, route.channel, route.track, route.variant) : {};
  }),
  transfer: update(({ context, event }) => {
    const transfer = eventOf(event, 'TRANSFER');
    if (!transfer) return {};
    return {
      ...enterChannel(context, transfer.channel, transfer.track, transfer.variant),
      transfers: [
        ...context.transfers,
        { from: context.channel, to: transfer.channel, reason: transfer.reason, at: transfer.at },
      ],
    };
  }),
  /** The protection center declines the fast track: the case goes back to routing, ordinary track. */
  refuseFastTrack: update(() => ({ channel: null, fastTrack: false, track: 'ordinary' })),
  close: update<{ reason: ClosureReason }>((_, { reason }) => ({ closureReason: reason })),
  closeFromOutcome: update(({ context }) => ({
    closureReason: context.outcome ? closureReasonFor(context.outcome.kind) : null,
  })),
  /**
   * Another person becomes the respondent: what the previous one gave as respondent (a signature on
   * the draft agreement, an approval of an extension not yet granted) no longer counts; the new
   * respondent gives their own.
   */
  linkRespondent: update(({ context, event }) => {
    const link = eventOf(event, 'LINK_RESPONDENT');
    if (!link) return {};
    const slot = link.respondent ?? 0;
    if (slot > 0) {
      const previous = respondentIdAt(context, slot);
      return {
        coRespondents: (context.coRespondents ?? []).map((r, i) =>
          i === slot - 1 ? { ...r, id: link.respondentId } : r,
        ),
        respondentSignatures: (context.respondentSignatures ?? []).filter((id) => id !== previous),
        respondentConsents: (context.respondentConsents ?? []).filter((id) => id !== previous),
      };
    }
    const { extension } = context;
    return {
      respondentId: link.respondentId,
      signatures: { ...context.signatures, respondent: false },
      respondentSignatures: (context.respondentSignatures ?? []).filter((id) => id !== context.respondentId),
      respondentConsents: (context.respondentConsents ?? []).filter((id) => id !== context.respondentId),
      extension: extension.granted
        ? extension
        : { ...extension, approvals: { ...extension.approvals, respondent: false } },
    };
  }),
  /** A respondent consents to mediation; the case moves on only with every respondent's consent. */
  recordConsent: update(({ context, event }) => ({
    respondentConsents: [...(context.respondentConsents ?? []), event.actor.id],
  })),
  resetConsents: update(() => ({ respondentConsents: [] })),

  // ── mediators, arbitrators, investigators ───────────────────────────────
  assignMediator: update(({ event }) => {
    const assign = eventOf(event, 'ASSIGN_MEDIATOR');
    return assign ? { mediatorId: assign.mediatorId } : {};
  }),
  timeOutMediator: update(({ context }) =>
    context.mediatorId === null
      ? {}
      : { mediatorId: null, declinedMediatorIds: [...context.declinedMediatorIds, context.mediatorId] },
  ),
  appointArbitrator: update(({ event }) => {
    const appoint = eventOf(event, 'APPOINT_ARBITRATOR');
    return appoint ? { arbitratorId: appoint.arbitratorId } : {};
  }),
  releaseArbitrator: update(({ context }) =>
    context.arbitratorId === null
      ? {}
      : {
          arbitratorId: null,
          declinedArbitratorIds: [...context.declinedArbitratorIds, context.arbitratorId],
        },
  ),
  assignInvestigator: update(({ event }) => {
    const assign = eventOf(event, 'ASSIGN_INVESTIGATOR');
    return assign ? { investigatorId: assign.investigatorId } : {};
  }),

  // ── proceedings ─────────────────────────────────────────────────────────
  markEntrusted: update(() => ({ entrustedMediation: true })),
  convertToOrdinary: update(() => ({ track: 'ordinary' })),
  recordAnswer: update(({ event }) => {
    const respond = eventOf(event, 'RESPOND');
    return respond ? { respondentAnswer: { answer: respond.answer, at: respond.at } } : {};
  }),
  recordTechReport: update(({ event }) => {
    const report = eventOf(event, 'SUBMIT_TECH_REPORT');
    return report ? { techReport: { summary: report.summary, match: report.match, at: report.at } } : {};
  }),
  scheduleSession: update(({ context, event }) => {
    const schedule = eventOf(event, 'SCHEDULE_SESSION');
    return schedule ? { sessions: [...context.sessions, { at: schedule.sessionAt }] } : {};
  }),
  recordSession: update(({ context, event }) => {
    const record = eventOf(event, 'RECORD_SESSION');
    return record ? { sessions: [...context.sessions, { at: record.at, notes: record.notes }] } : {};
  }),

  // ── agreements and extensions ───────────────────────────────────────────
  /** A fresh mediation session: no draft, no signatures, no extension yet. */
  resetAgreement: update(() => ({
    agreementTerms: null,
    signatures: { complainant: false, respondent: false },
    respondentSignatures: [],
    extension: NO_EXTENSION,
  })),
  proposeAgreement: update(({ event }) => {
    const proposal = eventOf(event, 'PROPOSE_AGREEMENT');
    return proposal
      ? {
          agreementTerms: proposal.terms,
          signatures: { complainant: false, respondent: false },
          respondentSignatures: [],
        }
      : {};
  }),
  /** A party signs; the respondents' side is signed once every respondent has. */
  sign: update(({ context, event }) => {
    const side = partySide(context, event.actor);
    if (side !== 'respondent') return side ? { signatures: { ...context.signatures, [side]: true } } : {};
    const signed = [...(context.respondentSignatures ?? []), event.actor.id];
    return {
      respondentSignatures: signed,
      signatures: { ...context.signatures, respondent: everyRespondentIn(context, signed) },
    };
  }),
  clearSignatures: update(() => ({
    signatures: { complainant: false, respondent: false },
    respondentSignatures: [],
  })),
  requestMediationExtension: update(({ context, event }) => {
    const request = eventOf(event, 'REQUEST_EXTENSION');
    return request?.days ? { extension: { ...context.extension, requestedDays: request.days } } : {};
  }),
  approveExtension: update(({ context, event }) => {
    const side = partySide(context, event.actor);
    if (!side) return {};
    return {
      extension: { ...context.extension, approvals: { ...context.extension.approvals, [side]: true } },
    };
  }),
  extendArbitration: update<{ clocks: readonly ClockId[] }>(({ context, event }, { clocks }) => {
    const request = eventOf(event, 'REQUEST_EXTENSION');
    const id = clocks.find((c) => context.clocks[c] !== undefined);
    if (!request || !id) return {};
    const extension =
      request.days === undefined
        ? arbitrationExtension(context.arbitrationVariant)
        : { amount: request.days, unit: 'days' as const };
    return { clocks: extendClock(context, id, extension) };
  }),

  // ── outcomes ────────────────────────────────────────────────────────────
  settle: update<{ judiciallyConfirmed: boolean }>(({ context, event }, { judiciallyConfirmed }) => ({
    outcome: outcome(event, context, {
      kind: 'settled',
      infringementFound: false,
      remedy: 'agreement',
      judiciallyConfirmed,
    }),
  })),
  recordJudgment: update(({ context, event }) => {
    const judgment = eventOf(event, 'RENDER_JUDGMENT');
    if (!judgment) return {};
    return {
      outcome: outcome(event, context, {
        kind: 'judged',
        infringementFound: judgment.infringement,
        remedy: judgment.remedy,
        damagesCny: judgment.damagesCny,
        punitiveDamagesCny: judgment.punitiveDamagesCny,
      }),
    };
  }),
  recordAward: update(({ context, event }) => {
    const award = eventOf(event, 'RENDER_AWARD');
    if (!award) return {};
    return {
      outcome: outcome(event, context, {
        kind: 'awarded',
        infringementFound: award.infringement,
        remedy: award.remedy,
        damagesCny: award.damagesCny,
      }),
    };
  }),
  recordDetermination: update(({ context, event }) => {
    const determination = eventOf(event, 'DETERMINE');
    if (!determination) return {};
    return {
      outcome: outcome(event, context, {
        kind: determination.remedy === 'disclosure' ? 'disclosed' : 'decided',
        infringementFound: determination.infringement,
        remedy: determination.remedy,
      }),
    };
  }),
  recordLegalOutcome: update(({ context, event }) => {
    const record = eventOf(event, 'RECORD_OUTCOME');
    if (!record) return {};
    return { outcome: outcome(event, context, { kind: record.outcome, infringementFound: false }) };
  }),

  // ── court ───────────────────────────────────────────────────────────────
  ...courtActions,

  ...administrativeActions,
};
