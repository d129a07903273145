import { Schema, type Connection, type Model } from 'mongoose';

/**
 * What `case_search` keeps of a case, apart from its `cases` projection: its search tokens
 * (`server/cases/searchTokens.ts`) and the keys intake looks other cases up by (the complainant with
 * the filing time, the rights' numbers, whether the case is open). None of them changes with an
 * ordinary action, and the embedded engine rewrites every index entry of a document on each update:
 * kept in `cases`, their indexes (the 75–135 tokens of a case in a multikey index above all) would be
 * rewritten by every action. The store writes this document in the transaction that files the case,
 * again in the one that closes (or reopens) it or changes its searchable texts, and a rebuild of the
 * projection rewrites it.
 */
export interface CaseSearchDoc {
  /** The case's id. */
  _id: string;
  tokens: string[];
  complainantId: string;
  filedAt: Date;
  /** The numbers of the complaint's rights. */
  rightNumbers: string[];
  /** Not closed (as `cases.open`): intake compares a complaint with the open cases on its rights only. */
  open: boolean;
}

const schema = new Schema<CaseSearchDoc>(
  {
    _id: { type: String, required: true },
    tokens: { type: [String], default: [] },
    complainantId: { type: String },
    filedAt: { type: Date },
    rightNumbers: { type: [String], default: [] },
    open: { type: Boolean },
  },
  { versionKey: false, collection: 'case_search' },
);
// a staff search asks `{tokens: token}` for its rarest token: this multikey index answers it
schema.index({ tokens: 1 });
// intake: the complainant's filings of the last 90 days (PAE risk), and the open cases on one right
// (a right litigated for years has mostly closed cases: they are not read)
schema.index({ complainantId: 1, filedAt: -1 });
schema.index({ rightNumbers: 1, open: 1 });

/** The `case_search` model on a connection. */
export function caseSearchModel(conn: Connection): Model<CaseSearchDoc> {
  return (
    (conn.models.CaseSearch as Model<CaseSearchDoc> | undefined) ??
    conn.model<CaseSearchDoc>('CaseSearch', schema)
  );
}
