import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A case's search tokens (`server/cases/searchTokens.ts`), kept apart from its `cases` projection: the
 * embedded engine rewrites every index entry of a document on each update, and the 75–135 tokens of a
 * case in a multikey index were most of what an action's update of `cases` rewrote. The store writes
 * this document in the transaction that files the case (and again whenever the searchable texts
 * change, which a filed complaint's never do), and a rebuild of the projection rewrites it.
 */
export interface CaseSearchDoc {
  /** The case's id. */
  _id: string;
  tokens: string[];
}

const schema = new Schema<CaseSearchDoc>(
  {
    _id: { type: String, required: true },
    tokens: { type: [String], default: [] },
  },
  { versionKey: false, collection: 'case_search' },
);
// a staff search asks `{tokens: token}` for its rarest token: this multikey index answers it
schema.index({ tokens: 1 });

/** The `case_search` model on a connection. */
export function caseSearchModel(conn: Connection): Model<CaseSearchDoc> {
  return (
    (conn.models.CaseSearch as Model<CaseSearchDoc> | undefined) ??
    conn.model<CaseSearchDoc>('CaseSearch', schema)
  );
}
