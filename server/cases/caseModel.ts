import { Schema, type Connection, type Model } from 'mongoose';
import type { Complaint } from '../../shared/schemas/complaint.js';

/** A running clock as projected on a case (for lists, dashboards and the scheduler). */
export interface ProjectedClock {
  clock: string;
  startedAt: Date;
  dueAt: Date;
  breached: boolean;
}

/**
 * The `cases` projection: the current snapshot and the fields lists need. It can always be rebuilt
 * from `case_events`; `seq` and `lastHash` say which event it reflects.
 */
export interface CaseDoc {
  _id: string;
  caseNo: string;
  title: string;
  ipType: string;
  industry: string | null;
  track: string;
  channel: string | null;
  status: string;
  stage: string;
  seq: number;
  lastHash: string;
  machineVersion: number;
  snapshot: Record<string, unknown>;
  complaint: Complaint;
  recommendation: Record<string, unknown>;
  triage: Record<string, unknown>;
  flags: Record<string, unknown>;
  complainantId: string;
  complainantName: string;
  respondentId: string | null;
  /** The accounts linked to the complaint's other respondents (`shared/machine/respondents.ts`). */
  coRespondentIds: string[];
  respondentName: string;
  respondentKey: string;
  rightNumbers: string[];
  mediatorId: string | null;
  arbitratorId: string | null;
  investigatorId: string | null;
  /** Organisation holding the case now (by channel), when one is assigned. */
  orgId: string | null;
  /** Organisations that joined besides the holder (a court ruling on a mediation agreement). */
  joinedOrgIds: string[];
  /** Every user who may see the case as a party or assignee. */
  participantIds: string[];
  /** `u:<userId>` of each participant and `o:<orgId>` of each organisation on the case (list filter). */
  viewerKeys: string[];
  /** The mediator, arbitrator and investigator (the "assigned to me" filter). */
  assigneeIds: string[];
  /** Not closed. */
  open: boolean;
  /** The intake desk's queue the case is in (`deskQueueOf`), null once closed. */
  deskQueue: string | null;
  /** When an open case becomes overdue: the earliest due date of its clocks, breached ones included. */
  attentionAt: Date | null;
  clocks: ProjectedClock[];
  nextDueAt: Date | null;
  closureReason: string | null;
  outcome: Record<string, unknown> | null;
  filedAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  /** The seq whose effects are still to run: set by each commit, cleared once they ran (sparse index). */
  pendingEffects?: number;
}

const clockSchema = new Schema<ProjectedClock>(
  { clock: String, startedAt: Date, dueAt: Date, breached: Boolean },
  { _id: false, versionKey: false },
);

const schema = new Schema<CaseDoc>(
  {
    _id: { type: String, required: true },
    caseNo: { type: String, required: true, unique: true },
    title: { type: String, required: true },
    ipType: { type: String, required: true },
    industry: { type: String, default: null },
    track: { type: String, required: true },
    channel: { type: String, default: null },
    status: { type: String, required: true },
    stage: { type: String, required: true },
    seq: { type: Number, required: true },
    lastHash: { type: String, required: true },
    machineVersion: { type: Number, required: true },
    snapshot: { type: Schema.Types.Mixed, required: true },
    complaint: { type: Schema.Types.Mixed, required: true },
    recommendation: { type: Schema.Types.Mixed, default: {} },
    triage: { type: Schema.Types.Mixed, default: {} },
    flags: { type: Schema.Types.Mixed, default: {} },
    complainantId: { type: String, required: true },
    complainantName: { type: String, required: true },
    respondentId: { type: String, default: null },
    coRespondentIds: { type: [String], default: [] },
    respondentName: { type: String, required: true },
    respondentKey: { type: String, required: true },
    rightNumbers: { type: [String], default: [] },
    mediatorId: { type: String, default: null },
    arbitratorId: { type: String, default: null },
    investigatorId: { type: String, default: null },
    orgId: { type: String, default: null },
    joinedOrgIds: { type: [String], default: [] },
    participantIds: { type: [String], default: [] },
    viewerKeys: { type: [String], default: [] },
    assigneeIds: { type: [String], default: [] },
    open: { type: Boolean, required: true },
    deskQueue: { type: String, default: null },
    attentionAt: { type: Date, default: null },
    clocks: { type: [clockSchema], default: [] },
    nextDueAt: { type: Date, default: null },
    closureReason: { type: String, default: null },
    outcome: { type: Schema.Types.Mixed, default: null },
    filedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    resolvedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    pendingEffects: { type: Number },
  },
  { versionKey: false, minimize: false, collection: 'cases' },
);
// The embedded engine uses an index only when a filter's fields are exactly an index's leading fields
// (equalities, then at most one range): each list shape has its index (server/cases/planCaseList.ts)
// and test/server/db/queryPlans.test.ts proves every query the API issues is an index scan.
// An update rewrites every index entry of the document on the embedded engine (an action's cost grows
// with them), so one index serves several lists where it can: a status implies `open` (only `closed`
// is not), so `{…, open, status}` serves the open cases and one status alike; a desk queue outside the
// admin's desk is read among the viewer's open cases; "assigned to me" among the cases whose
// `viewerKeys` hold `u:<me>` (an assignee is a participant), the mediator's load likewise.
// Indexes no longer declared are dropped at start-up (server/compose/retiredIndexes.ts).
schema.index({ viewerKeys: 1, open: 1, status: 1 });
schema.index({ viewerKeys: 1, attentionAt: 1 });
schema.index({ deskQueue: 1, filedAt: 1 });
schema.index({ open: 1, status: 1, filedAt: 1 });
schema.index({ attentionAt: 1 });
schema.index({ channel: 1, track: 1, open: 1 });
schema.index({ orgId: 1, open: 1, filedAt: 1 });
// full-text search and intake's lookups (a complainant's recent filings, the cases on a right) read
// their case ids from `case_search` (server/cases/caseSearchModel.ts): none of those keys changes
// after filing, and an action's update does not rewrite their index entries here
schema.index({ pendingEffects: 1 }, { sparse: true });
// an admin's list of every case: with no filter the engine walks an index that matches the sort (either
// direction) instead of sorting every case in memory
schema.index({ updatedAt: 1, _id: 1 });
schema.index({ filedAt: 1, _id: 1 });
schema.index({ nextDueAt: 1, _id: 1 });

/** The `cases` projection model on a connection. */
export function caseModel(conn: Connection): Model<CaseDoc> {
  return (conn.models.Case as Model<CaseDoc> | undefined) ?? conn.model<CaseDoc>('Case', schema);
}
