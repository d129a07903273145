import { Schema, type Connection, type Model } from 'mongoose';
import type { DocumentKind, DocumentLang } from '../../shared/documents/documentKinds.js';

/**
 * A document to render. Written in the transaction of the event that calls for it (so it is never
 * lost), rendered after the commit by the document worker, and marked `issued` in the transaction of
 * the `DOCUMENT_ISSUED` event that records it (so it is issued exactly once). `_id` is
 * `<caseId>:<sourceSeq>-<kind>-<lang>`.
 */
export interface DocumentJobDoc {
  _id: string;
  caseId: string;
  sourceSeq: number;
  kind: DocumentKind;
  lang: DocumentLang;
  /** Set while the job waits (a sparse index finds exactly the waiting ones); removed once issued. */
  pending?: true;
  /** A worker holds the job until then (the epoch when none does). */
  claimedUntil?: Date;
  attempts: number;
  createdAt: Date;
  /** The seq of the `DOCUMENT_ISSUED` event, once issued. */
  issuedSeq?: number;
}

const schema = new Schema<DocumentJobDoc>(
  {
    _id: { type: String, required: true },
    caseId: { type: String, required: true },
    sourceSeq: { type: Number, required: true },
    kind: { type: String, required: true },
    lang: { type: String, required: true },
    pending: { type: Boolean },
    claimedUntil: { type: Date },
    attempts: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    issuedSeq: { type: Number },
  },
  { versionKey: false, collection: 'document_jobs' },
);
schema.index({ pending: 1 }, { sparse: true });

/** The `document_jobs` model on a connection. */
export function documentJobModel(conn: Connection): Model<DocumentJobDoc> {
  return (
    (conn.models.DocumentJob as Model<DocumentJobDoc> | undefined) ??
    conn.model<DocumentJobDoc>('DocumentJob', schema)
  );
}
