import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A conflict of interest a mediator declared with a party. `_id` is `<mediatorId>:<partyKey>`
 * (a user id, or a normalised respondent name), so declaring it twice is a no-op.
 */
export interface MediatorConflictDoc {
  _id: string;
  mediatorId: string;
  partyKey: string;
  caseId: string;
  reason: string;
  at: Date;
}

const schema = new Schema<MediatorConflictDoc>(
  {
    _id: String,
    mediatorId: { type: String, required: true },
    partyKey: { type: String, required: true, index: true },
    caseId: String,
    reason: String,
    at: Date,
  },
  { versionKey: false, collection: 'mediator_conflicts' },
);

/** The `mediator_conflicts` model on a connection. */
export function mediatorConflictModel(conn: Connection): Model<MediatorConflictDoc> {
  return (
    (conn.models.MediatorConflict as Model<MediatorConflictDoc> | undefined) ??
    conn.model<MediatorConflictDoc>('MediatorConflict', schema)
  );
}
