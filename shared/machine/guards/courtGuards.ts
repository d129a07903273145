/**
 * Guards of the court procedure (CPL 2023 numbering), spread into `caseGuards`: withdrawal needs the
 * court's ruling (art. 148), trial-period extensions have their approvers and limits (arts. 152,
 * 164), a hearing is notified three days ahead (art. 139), and a party appeals within its own period (arts. 171, 286).
 */
import * as who from '../caseActors.js';
import type { CaseContext } from '../caseContext.js';
import type { CaseEvent } from '../caseEvents.js';
import { eventOf, hasText } from '../caseEventOf.js';
import { courtRecordOf } from '../courtContext.js';
import { hearingNoticeTimely, trialExtensionAllowed, withinAppealPeriod } from '../rules/courtRules.js';

interface GuardArgs {
  context: CaseContext;
  event: CaseEvent;
}

/** Guard implementations of the court procedure, keyed by the names the machine uses. */
export const courtGuards = {
  /** Outside court, a complainant withdraws at once; in court the court rules on it (art. 148). */
  withdrawsWithoutRuling: ({ context }: GuardArgs) => context.channel !== 'judicial',
  /** The complainant has applied to withdraw and the court has not ruled yet. */
  isWithdrawalPending: ({ context }: GuardArgs) => courtRecordOf(context).withdrawal !== null,
  /** No application to withdraw is pending. */
  noWithdrawalPending: ({ context }: GuardArgs) => courtRecordOf(context).withdrawal === null,
  /** A refusal of withdrawal states its reason. */
  hasWithdrawalRefusalReason: ({ event }: GuardArgs) => hasText(eventOf(event, 'REFUSE_WITHDRAWAL')?.reason),
  /** The extension is within what its approver may grant now (`TRIAL_EXTENSION_LIMITS`), with a reason. */
  isTrialExtensionAllowed: ({ context, event }: GuardArgs) => {
    const extend = eventOf(event, 'EXTEND_TRIAL');
    return (
      extend !== null &&
      hasText(extend.reason) &&
      trialExtensionAllowed(context, extend.approvedBy, extend.months)
    );
  },
  /** A hearing is set at least three days after the parties are notified of it (art. 139). */
  isHearingNoticeTimely: ({ event }: GuardArgs) => {
    const schedule = eventOf(event, 'SCHEDULE_SESSION');
    return schedule !== null && hearingNoticeTimely(event.at, schedule.sessionAt);
  },
  /** A party appeals within its own appeal period (15 days, or 30 without domicile in China). */
  mayAppeal: ({ context, event }: GuardArgs) => {
    const side = who.partySide(context, event.actor);
    return side !== null && withinAppealPeriod(context, side, event.at);
  },
};
