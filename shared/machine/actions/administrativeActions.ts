/**
 * Actions of the administrative, e-commerce, arbitration-agreement and hand-over procedures (issue
 * 14), spread into `caseActions`. Pure context updates (`assign`), JSON-safe values only.
 */
import { assign, type ParameterizedObject } from 'xstate';
import type { CaseContext } from '../caseContext.js';
import type { CaseEvent } from '../caseEvents.js';
import { eventAt, eventOf } from '../caseEventOf.js';
import { partySide } from '../caseActors.js';
import { ADMIN_CASE_CLOCKS, ADMIN_CASE_EXTENSIONS } from '../rules/administrativeRules.js';
import { CHAIRMAN } from '../guards/administrativeGuards.js';

type Params = ParameterizedObject['params'] | undefined;

function update<P extends Params = undefined>(
  fn: (args: { context: CaseContext; event: CaseEvent }, params: P) => Partial<CaseContext>,
) {
  return assign<CaseContext, CaseEvent, P, CaseEvent, never>(fn);
}

/** Action implementations of issue 14's procedures, keyed by the names the machine uses. */
export const administrativeActions = {
  /** The seller's counter-notice is recorded; its restore period waits for it to reach the rights holder. */
  recordCounterNotice: update(({ context, event }) => {
    const notice = eventOf(event, 'COUNTER_NOTICE');
    return notice ? { counterNotice: { statement: notice.statement, filedAt: eventAt(event, context) } } : {};
  }),
  /** The platform's forwarding reached the rights holder (E-Commerce Law art. 43: the period runs from then). */
  recordCounterNoticeReceipt: update(({ context, event }) =>
    context.counterNotice
      ? { counterNotice: { ...context.counterNotice, receivedAt: eventAt(event, context) } }
      : {},
  ),
  /** The rights holder's notice of a complaint filed or a lawsuit brought. */
  recordComplaintNotice: update(({ context, event }) => {
    const notice = eventOf(event, 'NOTIFY_COMPLAINT');
    return notice
      ? { complaintNotice: { forum: notice.forum, reference: notice.reference, at: eventAt(event, context) } }
      : {};
  }),
  /** The respondent agreed in writing to arbitrate (Arbitration Law art. 16). */
  recordArbitrationAgreement: update(({ context, event }) => ({
    arbitrationAgreement: { source: 'respondent', at: eventAt(event, context) },
  })),
  /** A party's choice of the sole arbitrator (or the chairman, entrusted). */
  recordNomination: update(({ context, event }) => {
    const nominate = eventOf(event, 'NOMINATE_ARBITRATOR');
    const side = partySide(context, event.actor);
    if (!nominate || !side) return {};
    const nomination = nominate.entrustChairman ? CHAIRMAN : (nominate.arbitratorId ?? CHAIRMAN);
    return { arbitratorNominations: { ...context.arbitratorNominations, [side]: nomination } };
  }),
  /** The arbitrator both parties chose is appointed. */
  appointNominee: update(({ event }) => {
    const nominate = eventOf(event, 'NOMINATE_ARBITRATOR');
    return nominate?.arbitratorId ? { arbitratorId: nominate.arbitratorId } : {};
  }),
  /**
   * The chosen arbitrator withdrew: a replacement is chosen the same way (Arbitration Law art. 37),
   * so nominations of a declined arbitrator lapse and an entrustment of the chairman stands.
   */
  clearNominations: update(({ context }) => {
    const lapsed = (n: string | undefined) => n === undefined || context.declinedArbitratorIds.includes(n);
    const { complainant, respondent } = context.arbitratorNominations ?? {};
    return {
      arbitratorNominations: {
        ...(lapsed(complainant) ? {} : { complainant }),
        ...(lapsed(respondent) ? {} : { respondent }),
      },
    };
  }),
  /** The ordinary administrative procedure's clock is extended once, by its rule's fixed period. */
  extendAdminCase: update(({ context }) => {
    const id = ADMIN_CASE_CLOCKS.find((clock) => context.clocks[clock] !== undefined);
    const entry = id && context.clocks[id];
    if (!id || !entry) return {};
    return {
      clocks: {
        ...context.clocks,
        [id]: { startedAt: entry.startedAt, extension: ADMIN_CASE_EXTENSIONS[id] },
      },
    };
  }),
  /** A hand-over to another organisation of the channel, with its reason. */
  recordHandOver: update(({ context, event }) => {
    const handOver = eventOf(event, 'HAND_OVER');
    if (!handOver) return {};
    return {
      handovers: [
        ...(context.handovers ?? []),
        { orgId: handOver.orgId, reason: handOver.reason, at: eventAt(event, context) },
      ],
    };
  }),
};
