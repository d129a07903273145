/**
 * Probe payloads: for each event type, minimal valid payloads that could succeed in the current
 * case, so `snapshot.can()` can tell whether an actor may send that type now. Payload-dependent
 * guards get a payload that passes them (another channel for TRANSFER, a reason, no damages…).
 */
import { CLOCK_IDS } from '../../time/clockIds.js';
import { CHANNELS } from '../../vocabulary.js';
import type { CaseContext } from '../caseContext.js';
import type { CaseEventPayloads, CaseEventType } from '../caseEvents.js';
import { respondentSlots } from '../respondents.js';

const NOTE = 'probe';
/** An id no real user has, so "not declined" / "not already linked" guards pass. */
const FRESH_ID = '__probe__';

/** Every respondent slot of the case (`respondents.ts`). */
const slots = (context: CaseContext) => Array.from({ length: respondentSlots(context) }, (_, i) => i);

type Probes = { [T in CaseEventType]: (context: CaseContext) => CaseEventPayloads[T][] };

const PROBES: Probes = {
  ACCEPT: () => [{}],
  REQUEST_INFO: () => [{ items: [NOTE] }],
  REJECT: () => [{ reason: NOTE }],
  PROVIDE_INFO: () => [{ note: NOTE }],
  RELEASE_HOLD: () => [{ note: NOTE }],
  ROUTE: () => CHANNELS.map((channel) => ({ channel, reason: NOTE })),
  TRANSFER: (context) =>
    CHANNELS.filter((c) => c !== context.channel).map((channel) => ({ channel, reason: NOTE })),
  WITHDRAW: () => [{}],
  LINK_RESPONDENT: (context) => slots(context).map((respondent) => ({ respondentId: FRESH_ID, respondent })),
  DEADLINE: (context) =>
    CLOCK_IDS.filter((clock) => context.clocks[clock] !== undefined).map((clock) => ({ clock })),
  ASSIGN_MEDIATOR: () => [{ mediatorId: FRESH_ID }],
  ACCEPT_ASSIGNMENT: () => [{}],
  DECLINE_ASSIGNMENT: () => [{ conflict: false }],
  CONSENT: () => [{}],
  DECLINE: () => [{ reason: NOTE }],
  // a hearing needs three days' notice: a far date passes that guard too
  SCHEDULE_SESSION: (context) => [{ sessionAt: context.filedAt }, { sessionAt: '2999-01-01T02:00:00.000Z' }],
  RECORD_SESSION: () => [{ notes: NOTE }],
  REQUEST_EXTENSION: () => [{}, { days: 1 }],
  APPROVE_EXTENSION: () => [{}],
  PROPOSE_AGREEMENT: () => [{ terms: NOTE }],
  DECLARE_IMPASSE: () => [{}],
  SIGN_AGREEMENT: () => [{}],
  REQUEST_CONFIRMATION: () => [{}],
  CONFIRM_AGREEMENT: () => [{}],
  REFUSE_CONFIRMATION: () => [{ reason: NOTE }],
  CLOSE: () => [{}],
  RESPOND: () => [{ answer: NOTE }],
  ENTRUST_MEDIATION: () => [{}],
  START_TRIAL: () => [{}],
  CONVERT_TO_ORDINARY: () => [{}],
  RENDER_JUDGMENT: () => [{ infringement: false }],
  APPOINT_ARBITRATOR: () => [{ arbitratorId: FRESH_ID }],
  DECLARE_IMPARTIALITY: () => [{}],
  RENDER_AWARD: () => [{ infringement: false }],
  ASSIGN_INVESTIGATOR: () => [{ investigatorId: FRESH_ID }],
  SUBMIT_TECH_REPORT: () => [{ summary: NOTE, match: true }],
  DETERMINE: () => [{ infringement: false, remedy: 'none' }],
  COUNTER_NOTICE: () => [{ statement: NOTE }],
  RECORD_OUTCOME: () => [{ outcome: 'advised', notes: NOTE }],
  OPEN_COMPLIANCE: () => [{}],
  RECORD_COMPLIANCE: () => [{ complied: true }, { complied: false }],
  APPEAL: () => [{}],
  PERMIT_WITHDRAWAL: () => [{}],
  REFUSE_WITHDRAWAL: () => [{ reason: NOTE }],
  EXTEND_TRIAL: () => [
    { months: 1, approvedBy: 'president', reason: NOTE },
    { months: 1, approvedBy: 'higherCourt', reason: NOTE },
  ],
  FORWARD_COUNTER_NOTICE: () => [{}],
  NOTIFY_COMPLAINT: () => [{ forum: 'authority', reference: NOTE }],
  AGREE_TO_ARBITRATE: () => [{}],
  NOMINATE_ARBITRATOR: () => [{ entrustChairman: true }],
  HAND_OVER: () => [{ orgId: FRESH_ID, reason: NOTE }],
  // the filing instant is a date of service the guard accepts at any later time
  SERVE: (context) =>
    slots(context).flatMap((respondent) => [
      { means: 'link' as const, servedAt: context.filedAt, respondent },
      { means: 'post' as const, servedAt: context.filedAt, respondent },
    ]),
};

/** Candidate payloads for probing whether an event of this type could be accepted now. */
export function probePayloads<T extends CaseEventType>(
  type: T,
  context: CaseContext,
): CaseEventPayloads[T][] {
  return (PROBES[type] as (context: CaseContext) => CaseEventPayloads[T][])(context);
}
