/**
 * The payload fields of every action a client can send, described for forms (and turned into Joi
 * schemas by `actionSchemas.ts`). One table, so the form and the validation never disagree.
 */
import { MAX_OTHER_RESPONDENTS } from '../respondents.js';
import { CLOCK_IDS } from '../../time/clockIds.js';
import { CHANNELS, CLOSURE_REASONS, TRACKS } from '../../vocabulary.js';
import {
  ARBITRATION_VARIANTS,
  COMPLAINT_FORUMS,
  DETERMINATION_REMEDIES,
  LEGAL_SERVICE_OUTCOMES,
  PARTY_SIDES,
  TRIAL_EXTENSION_APPROVERS,
  type CaseEventPayloads,
  type CaseEventType,
} from '../caseEvents.js';
import { STAFF_SERVICE_MEANS } from '../serviceRules.js';

/** How a field is entered and validated. */
export type FieldKind = 'string' | 'text' | 'number' | 'boolean' | 'enum' | 'date' | 'id';

/** One payload field of an action. */
export interface ActionField<N extends string = string> {
  name: N;
  kind: FieldKind;
  required: boolean;
  /** Allowed values of an `enum` field. */
  options?: readonly string[];
  /** A list of values (at least one) rather than a single value. */
  multiple?: boolean;
  /** Bounds of a `number` field. */
  min?: number;
  max?: number;
  integer?: boolean;
  /** A `date` that may not lie in the future (a date of service). */
  past?: boolean;
}

/** Maximum length of a `string` field (a line). */
export const STRING_MAX = 200;
/** Maximum length of a `text` field (a paragraph or more). */
export const TEXT_MAX = 4000;
/** Maximum number of values in a `multiple` field. */
export const LIST_MAX = 20;
/** The shape of every id. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** The largest amount of money, in CNY, a field accepts. */
export const AMOUNT_MAX = 1e12;

const text = <N extends string>(name: N, required = false): ActionField<N> => ({
  name,
  kind: 'text',
  required,
});
const line = <N extends string>(name: N, required = false): ActionField<N> => ({
  name,
  kind: 'string',
  required,
});
const id = <N extends string>(name: N): ActionField<N> => ({ name, kind: 'id', required: true });
/** Which respondent (`respondents.ts`: 0 the complaint's first, 1… the others in order); 0 when absent. */
const respondentSlot: ActionField<'respondent'> = {
  name: 'respondent',
  kind: 'number',
  required: false,
  min: 0,
  max: MAX_OTHER_RESPONDENTS,
  integer: true,
};
const flag = <N extends string>(name: N, required = false): ActionField<N> => ({
  name,
  kind: 'boolean',
  required,
});
const oneOf = <N extends string>(name: N, options: readonly string[], required = false): ActionField<N> => ({
  name,
  kind: 'enum',
  required,
  options,
});
const amount = <N extends string>(name: N): ActionField<N> => ({
  name,
  kind: 'number',
  required: false,
  min: 0,
  max: AMOUNT_MAX,
});

const note = text('note');

type FieldTable = { [T in CaseEventType]: readonly ActionField<keyof CaseEventPayloads[T] & string>[] };

const FIELDS: FieldTable = {
  ACCEPT: [note],
  REQUEST_INFO: [{ ...line('items', true), multiple: true }, note],
  REJECT: [text('reason', true)],
  PROVIDE_INFO: [text('note', true)],
  RELEASE_HOLD: [text('note', true)],
  ROUTE: [
    oneOf('channel', CHANNELS, true),
    oneOf('track', TRACKS),
    text('reason'),
    oneOf('variant', ARBITRATION_VARIANTS),
    { name: 'orgId', kind: 'id', required: false },
  ],
  TRANSFER: [
    oneOf('channel', CHANNELS, true),
    text('reason', true),
    oneOf('track', TRACKS),
    oneOf('variant', ARBITRATION_VARIANTS),
    { name: 'orgId', kind: 'id', required: false },
  ],
  WITHDRAW: [text('reason')],
  LINK_RESPONDENT: [id('respondentId'), respondentSlot],
  DEADLINE: [oneOf('clock', CLOCK_IDS, true)],
  ASSIGN_MEDIATOR: [id('mediatorId')],
  ACCEPT_ASSIGNMENT: [note],
  DECLINE_ASSIGNMENT: [
    flag('conflict'),
    oneOf('conflictWith', ['complainant', 'respondent']),
    text('reason'),
  ],
  CONSENT: [note],
  DECLINE: [text('reason')],
  SCHEDULE_SESSION: [{ name: 'sessionAt', kind: 'date', required: true }, note],
  RECORD_SESSION: [text('notes', true)],
  REQUEST_EXTENSION: [
    { name: 'days', kind: 'number', required: false, min: 1, max: 90, integer: true },
    text('reason'),
  ],
  APPROVE_EXTENSION: [note],
  PROPOSE_AGREEMENT: [text('terms', true)],
  DECLARE_IMPASSE: [text('reason')],
  SIGN_AGREEMENT: [note, { name: 'agreementSha256', kind: 'id', required: false }],
  REQUEST_CONFIRMATION: [note],
  CONFIRM_AGREEMENT: [note],
  REFUSE_CONFIRMATION: [text('reason', true)],
  CLOSE: [oneOf('reason', CLOSURE_REASONS), note],
  RESPOND: [text('answer', true)],
  ENTRUST_MEDIATION: [note],
  START_TRIAL: [note],
  CONVERT_TO_ORDINARY: [text('reason')],
  RENDER_JUDGMENT: [
    flag('infringement', true),
    amount('damagesCny'),
    amount('punitiveDamagesCny'),
    amount('punitiveBaseCny'),
    flag('wilful'),
    flag('seriousCircumstances'),
    line('remedy'),
    { ...oneOf('partiesWithoutDomicile', PARTY_SIDES), multiple: true },
  ],
  APPOINT_ARBITRATOR: [id('arbitratorId')],
  DECLARE_IMPARTIALITY: [note],
  RENDER_AWARD: [flag('infringement', true), amount('damagesCny'), line('remedy')],
  ASSIGN_INVESTIGATOR: [id('investigatorId')],
  SUBMIT_TECH_REPORT: [text('summary', true), flag('match', true)],
  DETERMINE: [flag('infringement', true), oneOf('remedy', DETERMINATION_REMEDIES, true), note],
  COUNTER_NOTICE: [text('statement', true)],
  RECORD_OUTCOME: [oneOf('outcome', LEGAL_SERVICE_OUTCOMES, true), text('notes', true)],
  OPEN_COMPLIANCE: [note],
  RECORD_COMPLIANCE: [flag('complied', true), note],
  APPEAL: [text('reason')],
  PERMIT_WITHDRAWAL: [note],
  REFUSE_WITHDRAWAL: [text('reason', true)],
  EXTEND_TRIAL: [
    { name: 'months', kind: 'number', required: true, min: 1, max: 6, integer: true },
    oneOf('approvedBy', TRIAL_EXTENSION_APPROVERS, true),
    text('reason', true),
  ],
  FORWARD_COUNTER_NOTICE: [note],
  NOTIFY_COMPLAINT: [oneOf('forum', COMPLAINT_FORUMS, true), line('reference', true)],
  AGREE_TO_ARBITRATE: [note],
  NOMINATE_ARBITRATOR: [{ name: 'arbitratorId', kind: 'id', required: false }, flag('entrustChairman')],
  HAND_OVER: [id('orgId'), text('reason', true)],
  SERVE: [
    oneOf('means', STAFF_SERVICE_MEANS, true),
    { name: 'servedAt', kind: 'date', required: true, past: true },
    note,
    respondentSlot,
  ],
};

/** The payload fields of an action type, for rendering its form. */
export function actionPayloadFields(type: CaseEventType): readonly ActionField[] {
  return FIELDS[type];
}
