import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One entry of the public credit register: a respondent found infringing in a closed case.
 * `_id` is the case id, so recording the same case twice is a no-op.
 */
export interface CreditEntryDoc {
  _id: string;
  caseNo: string;
  name: string;
  /** Normalised name used for look-ups (see `normalizePartyName`). */
  nameKey: string;
  rightNumber: string;
  ipType: string;
  decision: string;
  channel: string | null;
  date: Date;
}

const schema = new Schema<CreditEntryDoc>(
  {
    _id: { type: String, required: true },
    caseNo: { type: String, required: true },
    name: { type: String, required: true },
    nameKey: { type: String, required: true, index: true },
    rightNumber: { type: String, required: true },
    ipType: { type: String, required: true },
    decision: { type: String, required: true },
    channel: { type: String, default: null },
    date: { type: Date, required: true },
  },
  { versionKey: false, collection: 'credit_register' },
);

/** The `credit_register` model on a connection. */
export function creditEntryModel(conn: Connection): Model<CreditEntryDoc> {
  return (
    (conn.models.CreditEntry as Model<CreditEntryDoc> | undefined) ??
    conn.model<CreditEntryDoc>('CreditEntry', schema)
  );
}
