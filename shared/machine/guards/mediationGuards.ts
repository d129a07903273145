/**
 * Guards of the mediation procedure (spread into `caseGuards`): the joint application for judicial
 * confirmation and extensions the parties agree to.
 */
import { partySide } from '../caseActors.js';
import type { CaseContext } from '../caseContext.js';
import type { ClockId } from '../../time/clockIds.js';
import type { CaseEvent } from '../caseEvents.js';
import { eventOf } from '../caseEventOf.js';
import { confirmationApplicationsOf, maxExtensionDaysOf } from '../rules/mediationRules.js';

interface GuardArgs {
  context: CaseContext;
  event: CaseEvent;
}

/** Mediation guard implementations, keyed by the names the machine uses. */
export const mediationGuards = {
  /** A party that has not applied for judicial confirmation yet (the same party twice is refused). */
  canApplyForConfirmation: ({ context, event }: GuardArgs) => {
    const side = partySide(context, event.actor);
    return side !== null && !confirmationApplicationsOf(context)[side];
  },
  /** The other party has applied already, so this application makes it joint (CPL art. 205). */
  isJointApplicationComplete: ({ context, event }: GuardArgs) => {
    const side = partySide(context, event.actor);
    const other = side === 'complainant' ? 'respondent' : 'complainant';
    return side !== null && confirmationApplicationsOf(context)[other];
  },
  /**
   * An extension of the running one of these clocks, requested once, of a whole number of days up to
   * the clock's `maxExtension` (the mediation platform bound, or the entrusted-mediation reading).
   */
  isExtensionRequestable: ({ context, event }: GuardArgs, params: { clocks: readonly ClockId[] }) => {
    const request = eventOf(event, 'REQUEST_EXTENSION');
    return (
      request !== null &&
      context.extension.requestedDays === null &&
      typeof request.days === 'number' &&
      Number.isInteger(request.days) &&
      request.days >= 1 &&
      request.days <= maxExtensionDaysOf(context, params.clocks)
    );
  },
};
