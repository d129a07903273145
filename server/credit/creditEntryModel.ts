import { CREDIT_STATUSES, type CreditStatus } from './creditStatuses.js';
import { Schema, type Connection, type Model } from 'mongoose';

/** One change of an entry's status: who, when, why. */
export interface CreditHistoryItem {
  status: CreditStatus;
  at: Date;
  by: string;
  reason: string;
}

/**
 * One entry of the credit register: a party named in a final decision that a law allows to publish
 * (`creditRules.ts`). `_id` is the source case id (or `<caseId>:nonCompliance`), so recording the
 * same decision twice is a no-op. Entries written before issue 14 have no status: they read as
 * `final` and listed.
 */
export interface CreditEntryDoc {
  _id: string;
  caseNo: string;
  /** The source case. */
  caseId?: string;
  name: string;
  /** Normalised name used for look-ups (see `normalizePartyName`). */
  nameKey: string;
  /** `enterprise` or `individual` (a natural person). */
  partyType?: string;
  /** The listed party's account, who may object. */
  partyId?: string | null;
  rightNumber: string;
  ipType: string;
  decision: string;
  /** The law that allows the decision to be published. */
  legalBasis?: string;
  channel: string | null;
  date: Date;
  status?: CreditStatus;
  /** False for what is recorded but not published (an individual's first non-compliance). */
  listed?: boolean;
  notifiedAt?: Date | null;
  objectionDueAt?: Date | null;
  objection?: { reason: string; at: Date; by: string } | null;
  /** The end of the disclosure period: the entry is no longer public after it. */
  removeAfter?: Date | null;
  history?: CreditHistoryItem[];
}

const schema = new Schema<CreditEntryDoc>(
  {
    _id: { type: String, required: true },
    caseNo: { type: String, required: true },
    caseId: { type: String },
    name: { type: String, required: true },
    nameKey: { type: String, required: true, index: true },
    partyType: { type: String },
    partyId: { type: String, default: null },
    rightNumber: { type: String, required: true },
    ipType: { type: String, required: true },
    decision: { type: String, required: true },
    legalBasis: { type: String },
    channel: { type: String, default: null },
    date: { type: Date, required: true },
    status: { type: String, enum: CREDIT_STATUSES },
    listed: { type: Boolean },
    notifiedAt: { type: Date, default: null },
    objectionDueAt: { type: Date, default: null },
    objection: { type: Schema.Types.Mixed, default: null },
    removeAfter: { type: Date, default: null },
    history: { type: [Schema.Types.Mixed], default: undefined },
  },
  { versionKey: false, collection: 'credit_register' },
);

// the staff register by status, newest first, and all of it newest first
schema.index({ status: 1, date: -1 });
schema.index({ date: -1, _id: 1 });
// the public disclosure: listed, within the disclosure period (which ends a fixed time after the
// entry's date, so newest first is `removeAfter` descending)
schema.index({ listed: 1, removeAfter: -1 });

/** The `credit_register` model on a connection. */
export function creditEntryModel(conn: Connection): Model<CreditEntryDoc> {
  return (
    (conn.models.CreditEntry as Model<CreditEntryDoc> | undefined) ??
    conn.model<CreditEntryDoc>('CreditEntry', schema)
  );
}
