/**
 * Guards of the administrative, e-commerce, arbitration-agreement and hand-over procedures (issue
 * 14), spread into `caseGuards`. Each names the rule it applies; the figures are in
 * `administrativeRules.ts` and `clocks.ts`.
 */
import * as who from '../caseActors.js';
import type { CaseContext } from '../caseContext.js';
import type { CaseEvent } from '../caseEvents.js';
import { eventOf, hasText } from '../caseEventOf.js';
import { ADMIN_CASE_CLOCKS } from '../rules/administrativeRules.js';

interface GuardArgs {
  context: CaseContext;
  event: CaseEvent;
}

/** The nomination by which a party entrusts the commission's chairman with the choice. */
export const CHAIRMAN = 'chairman';

/** Days after entering arbitration when the commission's chairman appoints for parties that did not agree. */
export const NOMINATION_DAYS = 15;

const DAY_MS = 86_400_000;

/** The machine version from which issue 14's rules apply. */
export const LAW_RULES_VERSION = 2;

/** A stored event accepted by a machine version before issue 14's rules (replayed as it was accepted). */
export function isEarlierRuleEvent(event: { machineVersion?: number }): boolean {
  return typeof event.machineVersion === 'number' && event.machineVersion < LAW_RULES_VERSION;
}

/** Whether the case has an arbitration agreement (from the complaint or the respondent). */
export function hasArbitrationAgreement(context: CaseContext): boolean {
  return Boolean(context.arbitrationAgreement);
}

/** The nomination a party event carries: an arbitrator id, or the chairman; null when incoherent. */
function nominationOf(event: CaseEvent): string | null {
  const nominate = eventOf(event, 'NOMINATE_ARBITRATOR');
  if (nominate === null) return null;
  const named = hasText(nominate.arbitratorId);
  if (named === (nominate.entrustChairman === true)) return null;
  return named ? (nominate.arbitratorId as string) : CHAIRMAN;
}

/** Guard implementations of issue 14's procedures, keyed by the names the machine uses. */
export const administrativeGuards = {
  /**
   * Routing or transferring to arbitration needs an arbitration agreement (Arbitration Law art. 4:
   * arbitration only on the parties' agreement; art. 16: a written agreement, before or after the
   * dispute arose). Other channels pass.
   */
  isArbitrationAllowed: ({ context, event }: GuardArgs) => {
    const move = eventOf(event, 'ROUTE') ?? eventOf(event, 'TRANSFER');
    if (move === null) return false;
    return move.channel !== 'arbitration' || hasArbitrationAgreement(context) || isEarlierRuleEvent(move);
  },
  /** The respondent may agree to arbitrate while the dispute is open and no agreement is recorded. */
  mayAgreeToArbitrate: ({ context, event }: GuardArgs) =>
    who.isRespondent(context, event.actor) &&
    !hasArbitrationAgreement(context) &&
    context.outcome === null &&
    context.closureReason === null,
  /** Parties choose the sole arbitrator of expedited arbitration (art. 31 para. 2). */
  isNominationValid: ({ context, event }: GuardArgs) => {
    const nomination = nominationOf(event);
    return (
      nomination !== null &&
      context.arbitrationVariant === 'expedited' &&
      who.partySide(context, event.actor) !== null &&
      !context.declinedArbitratorIds.includes(nomination)
    );
  },
  /** This nomination names the arbitrator the other party named: the parties jointly chose them. */
  completesJointNomination: ({ context, event }: GuardArgs) => {
    const nomination = nominationOf(event);
    const side = who.partySide(context, event.actor);
    if (nomination === null || nomination === CHAIRMAN || side === null) return false;
    const other = context.arbitratorNominations?.[side === 'complainant' ? 'respondent' : 'complainant'];
    return other === nomination;
  },
  /**
   * The commission appoints the arbitrator when the parties have no joint choice to make (standard
   * rules), when both entrusted the chairman or chose differently, or when they did not agree within
   * {@link NOMINATION_DAYS} days (Arbitration Law arts. 31, 32).
   */
  mayCommissionAppoint: ({ context, event }: GuardArgs) => {
    if (context.arbitrationVariant !== 'expedited' || isEarlierRuleEvent(event)) return true;
    const { complainant, respondent } = context.arbitratorNominations ?? {};
    if (complainant !== undefined && respondent !== undefined) return true;
    const started = context.clocks.arbitrationExpedited?.startedAt;
    const from = started === undefined ? Number.NaN : Date.parse(started);
    return Number.isFinite(from) && Date.parse(event.at) >= from + NOMINATION_DAYS * DAY_MS;
  },
  /** The counter-notice has not yet been forwarded to the rights holder. */
  isCounterNoticeUnforwarded: ({ context }: GuardArgs) =>
    context.counterNotice !== undefined &&
    context.counterNotice !== null &&
    context.counterNotice.receivedAt === undefined,
  /** A notice of a complaint or lawsuit names its reference (case or docket number). */
  isComplaintNoticeValid: ({ event }: GuardArgs) => hasText(eventOf(event, 'NOTIFY_COMPLAINT')?.reference),
  /**
   * The restore period of a counter-notice expired, as the platform's clock reports it. Kept for
   * logs written before the period ran from receipt (their clock is not in a replayed context).
   */
  isRestoreExpiry: ({ event }: GuardArgs) => {
    const expiry = eventOf(event, 'DEADLINE');
    return expiry !== null && who.isSystem(expiry.actor) && expiry.clock === 'ecommerceRestore';
  },
  /** The ordinary administrative procedure may be extended once, by its rule's fixed period. */
  isAdminExtensionAllowed: ({ context, event }: GuardArgs) => {
    const request = eventOf(event, 'REQUEST_EXTENSION');
    const running = ADMIN_CASE_CLOCKS.map((id) => context.clocks[id]).find((entry) => entry !== undefined);
    return (
      request !== null &&
      request.days === undefined &&
      running !== undefined &&
      running.extension === undefined
    );
  },
  /** A hand-over names another organisation and gives a reason. */
  isHandOverValid: ({ event }: GuardArgs) => {
    const handOver = eventOf(event, 'HAND_OVER');
    return handOver !== null && hasText(handOver.orgId) && hasText(handOver.reason);
  },
};
