import { STAGE_TAGS } from '../../shared/machine/stageTags.js';
import { OUTCOME_KINDS } from '../../shared/machine/caseContext.js';
import { ARBITRATION_VARIANTS, CASE_EVENT_TYPES } from '../../shared/machine/caseEvents.js';
import { CLOCK_IDS } from '../../shared/time/clockIds.js';
import { DESK_QUEUES } from '../../shared/machine/deskQueue.js';
import { SERVICE_MEANS } from '../../shared/machine/serviceRules.js';
import { CASE_STATUSES, CHANNELS, CLOSURE_REASONS, IP_TYPES, TRACKS } from '../../shared/vocabulary.js';
import type { JsonSchema } from './openApiTypes.js';
import {
  boolean,
  closed,
  count,
  id,
  instant,
  listOf,
  nullable,
  number,
  oneOfStrings,
  ref,
  text,
} from './schemaBuilders.js';

const channel = oneOfStrings(CHANNELS);
const sha256Hex: JsonSchema = { type: 'string', pattern: '^[0-9a-f]{64}$' };

/** The fields a case has in lists and in its detail (`presentCaseSummary`). */
const summaryFields: Record<string, JsonSchema> = {
  id,
  caseNo: { type: 'string', pattern: '^SF-\\d{4}-\\d{6}$' },
  title: text,
  status: oneOfStrings(CASE_STATUSES),
  stage: { ...text, description: 'The machine state, e.g. `inChannel.mediation.awaitingAcceptance`.' },
  tags: {
    type: 'array',
    items: oneOfStrings(STAGE_TAGS),
    description: 'The machine’s tags of the stage: what screens act on (e.g. `mediatorDeciding`).',
  },
  channel: nullable(channel),
  track: oneOfStrings(TRACKS),
  ipType: oneOfStrings(IP_TYPES),
  industry: nullable(text),
  seq: { ...count, description: 'The seq of the case’s last event.' },
  orgId: { ...nullable(text), description: 'The organisation holding the case.' },
  complainant: closed({ id, name: text }),
  respondent: closed({ id: nullable(id), name: text }),
  mediatorId: nullable(id),
  clocks: listOf(ref('ClockView')),
  nextDueAt: nullable(instant),
  closureReason: nullable(oneOfStrings(CLOSURE_REASONS)),
  filedAt: instant,
  updatedAt: instant,
  closedAt: nullable(instant),
};

/** Response schemas of cases, timelines, actions and routing (`shared/api/views.ts`). */
export const caseSchemas: Record<string, JsonSchema> = {
  Reason: closed(
    { code: { ...text, description: 'Stable id of the rule, e.g. `arbitration.agreement`.' }, text },
    { weight: number },
  ),
  ClockView: closed(
    {
      clock: oneOfStrings(CLOCK_IDS),
      startedAt: instant,
      dueAt: instant,
      estimated: {
        ...boolean,
        description:
          'The due date falls in a year whose holiday schedule is not yet published (provisional or derived): it may move.',
      },
      breached: boolean,
      status: oneOfStrings(['onTrack', 'atRisk50', 'atRisk80', 'breached']),
    },
    { extension: closed({ amount: count, unit: oneOfStrings(['days', 'months']) }) },
  ),
  RankedChannel: closed({ channel, score: number, reasons: listOf(ref('Reason')) }),
  Recommendation: closed({
    ranked: { ...listOf(ref('RankedChannel')), description: 'All seven channels, best first.' },
  }),
  Triage: closed({ track: oneOfStrings(TRACKS), score: number, reasons: listOf(ref('Reason')) }),
  PaeRisk: closed({ held: boolean, score: number, reasons: listOf(ref('Reason')) }, {}),
  CaseConflictForParty: {
    ...closed({ reason: ref('Reason') }),
    description:
      'A duplicate or parallel proceeding as a party sees it: only that there is one, in neutral words naming no other case.',
  },
  CaseConflictForStaff: {
    ...closed(
      {
        caseNo: text,
        status: oneOfStrings(CASE_STATUSES),
        sharedRights: listOf(text),
        reason: ref('Reason'),
      },
      { channel },
    ),
    description: 'A duplicate or parallel proceeding as admins and officers see it (by case number).',
  },
  CaseFlags: {
    ...closed({
      duplicate: listOf({ anyOf: [ref('CaseConflictForStaff'), ref('CaseConflictForParty')] }),
      parallel: listOf({ anyOf: [ref('CaseConflictForStaff'), ref('CaseConflictForParty')] }),
      paeRisk: ref('PaeRisk'),
    }),
    description: 'Intake flags. Parties see a PAE-risk score of 0 without reasons.',
  },
  CaseOutcome: closed(
    { kind: oneOfStrings(OUTCOME_KINDS), infringementFound: boolean, at: instant },
    { remedy: text, damagesCny: number, punitiveDamagesCny: number, judiciallyConfirmed: boolean },
  ),
  CaseProcedure: closed(
    {
      held: { ...boolean, description: 'Routing is held for admin review (PAE risk).' },
      fastTrack: boolean,
      arbitrationVariant: nullable(oneOfStrings(ARBITRATION_VARIANTS)),
      entrustedMediation: boolean,
      signatures: closed({ complainant: boolean, respondent: boolean }),
      agreementTerms: nullable(text),
      extension: closed({
        requestedDays: nullable(count),
        approvals: closed({ complainant: boolean, respondent: boolean }),
        granted: boolean,
      }),
      sessions: listOf(closed({ at: instant }, { notes: text })),
      transfers: listOf(closed({ from: nullable(channel), to: channel, reason: text, at: instant })),
      respondentAnswer: nullable(closed({ answer: text, at: instant })),
      techReport: nullable(closed({ summary: text, match: boolean, at: instant })),
    },
    {
      confirmationApplications: {
        ...closed({ complainant: boolean, respondent: boolean }),
        description: 'Which party has applied for judicial confirmation (the application is joint).',
      },
    },
  ),
  CaseSummaryView: {
    ...closed(summaryFields, {
      actions: {
        ...listOf(oneOfStrings(CASE_EVENT_TYPES)),
        description: 'With `withActions=true`: the actions the caller may take now.',
      },
    }),
    description: 'A case in a list.',
  },
  CaseView: {
    ...closed({
      ...summaryFields,
      arbitratorId: nullable(id),
      investigatorId: nullable(id),
      recommendation: ref('Recommendation'),
      triage: ref('Triage'),
      flags: ref('CaseFlags'),
      complaint: ref('Complaint'),
      outcome: nullable(ref('CaseOutcome')),
      procedure: ref('CaseProcedure'),
      resolvedAt: nullable(instant),
      service: ref('ServiceView'),
    }),
    description: 'A case as the caller may see it.',
  },
  ServiceView: {
    ...closed({
      served: nullable(closed({ means: oneOfStrings(SERVICE_MEANS), servedAt: instant })),
      awaiting: listOf(oneOfStrings(CLOCK_IDS)),
      respondents: listOf(ref('RespondentView')),
    }),
    description:
      'Service on the respondent: how and when (null until served), and the clocks of the current step that start only once served (the answer and consent periods run from the date of service).',
  },
  RespondentView: {
    ...closed({
      slot: { type: 'integer', minimum: 0 },
      name: text,
      linked: boolean,
      you: boolean,
      served: nullable(closed({ means: oneOfStrings(SERVICE_MEANS), servedAt: instant })),
      consented: boolean,
      signed: boolean,
    }),
    description:
      'One respondent the complaint names (slot 0 the first, then `otherRespondents` in order): whether an account answers for them, their own service, and their consent to mediation and signature of the draft agreement (mediation needs every respondent’s consent, an agreement every respondent’s signature).',
  },
  DeskView: {
    ...closed({ counts: ref('CaseCounts'), cases: ref('CasePage') }),
    description: 'The intake desk’s home: the counts of its queues and a page of one queue.',
  },
  CaseCounts: closed({
    byStatus: closed(
      Object.fromEntries(CASE_STATUSES.filter((st) => st !== 'closed').map((st) => [st, count])),
    ),
    byQueue: closed(Object.fromEntries(DESK_QUEUES.map((q) => [q, count]))),
    open: count,
  }),
  CasePage: {
    ...closed({ items: listOf(ref('CaseSummaryView')), page: count, limit: count, total: count }),
    description: 'A page of the cases the caller may see.',
  },
  CaseEventView: closed({
    seq: { type: 'integer', minimum: 1 },
    type: {
      ...text,
      description: 'A machine event type (`ROUTE`…) or a recorded fact (`FILED`, `EVIDENCE_ADDED`…).',
    },
    kind: oneOfStrings(['created', 'transition', 'record']),
    at: instant,
    actor: closed({ id, role: text }),
    data: { type: 'object', description: 'The event’s payload (empty for `created`).' },
    status: oneOfStrings(CASE_STATUSES),
    stage: text,
    tags: {
      type: 'array',
      items: oneOfStrings(STAGE_TAGS),
      description:
        'The machine’s tags of the stage the event left the case in (`hearing`: its sessions are hearings).',
    },
    hash: sha256Hex,
    prevHash: sha256Hex,
  }),
  CaseEventList: closed({ items: listOf(ref('CaseEventView')) }),
  CaseIntegrityView: closed({
    intact: boolean,
    events: count,
    brokenAtSeq: { oneOf: [count, { type: 'null' }] },
    problem: { oneOf: [oneOfStrings(['content', 'link', 'missing']), { type: 'null' }] },
  }),
  ActionField: closed(
    {
      name: text,
      kind: oneOfStrings(['string', 'text', 'number', 'boolean', 'enum', 'date', 'id']),
      required: boolean,
    },
    {
      options: listOf(text),
      multiple: boolean,
      min: number,
      max: number,
      integer: boolean,
      past: { ...boolean, description: 'A date that may not lie in the future (a date of service).' },
    },
  ),
  AvailableActionView: closed({ type: ref('ActionType'), fields: listOf(ref('ActionField')) }),
  AvailableActionList: closed({ items: listOf(ref('AvailableActionView')) }),
  RoutingPreviewView: {
    ...closed({
      track: oneOfStrings(TRACKS),
      triage: ref('Triage'),
      recommendation: ref('Recommendation'),
      flags: closed({
        duplicate: listOf({ anyOf: [ref('CaseConflictForStaff'), ref('CaseConflictForParty')] }),
        parallel: listOf({ anyOf: [ref('CaseConflictForStaff'), ref('CaseConflictForParty')] }),
        paeRisk: ref('PaeRisk'),
      }),
    }),
    description: 'Intake checks, triage and routing of a complaint; nothing is saved.',
  },
};
