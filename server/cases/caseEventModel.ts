import { Schema, type Connection, type Model } from 'mongoose';
import type { Actor } from '../../shared/machine/caseEvents.js';

/**
 * One entry of a case's event log. `_id` is `<caseId>:<seq>`, so appending is a single insert that
 * a second writer of the same `seq` cannot repeat (duplicate key).
 * `kind` is `transition` for machine events and `record` for facts that do not move the machine
 * (evidence, messages, clock warnings); replay feeds only transitions to the machine.
 */
export interface CaseEventDoc {
  _id: string;
  caseId: string;
  seq: number;
  kind: 'created' | 'transition' | 'record';
  type: string;
  at: Date;
  actor: Actor;
  data: Record<string, unknown>;
  /** Top-level state and deepest stage after this event. */
  status: string;
  stage: string;
  machineVersion: number;
  prevHash: string;
  hash: string;
}

const actorSchema = new Schema<Actor>(
  { id: String, role: String, orgId: String, orgType: String },
  { _id: false, versionKey: false },
);

const schema = new Schema<CaseEventDoc>(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true },
    seq: { type: Number, required: true },
    kind: { type: String, required: true, enum: ['created', 'transition', 'record'] },
    type: { type: String, required: true },
    at: { type: Date, required: true },
    actor: { type: actorSchema, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    status: { type: String, required: true },
    stage: { type: String, required: true },
    machineVersion: { type: Number, required: true },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false, minimize: false, collection: 'case_events' },
);
// a log is read by its ids (`readCaseEvents`), one type of it by this index
schema.index({ caseId: 1, type: 1 });

/** The `case_events` model on a connection. */
export function caseEventModel(conn: Connection): Model<CaseEventDoc> {
  return (
    (conn.models.CaseEvent as Model<CaseEventDoc> | undefined) ??
    conn.model<CaseEventDoc>('CaseEvent', schema)
  );
}
