import { Schema, type Connection, type Model } from 'mongoose';
import { AUDIT_KINDS, type AuditKind } from '../../shared/admin/auditKinds.js';

/** What an audit entry is about. */
export interface AuditTarget {
  type: 'case' | 'evidence' | 'caseFile' | 'calendar' | 'org' | 'user' | 'report';
  id: string;
  /** A name to show (a file name, an account's name); empty when there is none. */
  label: string;
}

/**
 * One audit entry: who read or changed what, and when. `_id` is the instant (ISO 8601) then a random
 * tail, so every index that ends in `_id` keeps entries in time order and a page continues from an id.
 */
export interface AuditEventDoc {
  _id: string;
  at: Date;
  kind: AuditKind;
  actorId: string;
  actorName: string;
  actorRole: string;
  /** The case read (access entries); null for changes of accounts and organisations. */
  caseId: string | null;
  /** The organisation concerned: the case's handling one when read, the organisation or account's one when changed. */
  orgId: string | null;
  target: AuditTarget;
  /** The changed fields before and after (administrative changes); null for reads. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const schema = new Schema<AuditEventDoc>(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
    kind: { type: String, required: true, enum: AUDIT_KINDS },
    actorId: { type: String, required: true },
    actorName: { type: String, default: '' },
    actorRole: { type: String, required: true },
    caseId: { type: String, default: null },
    orgId: { type: String, default: null },
    target: { type: Schema.Types.Mixed, required: true },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
  },
  { versionKey: false, collection: 'audit_events' },
);
// each filter of the audit screen is one equality, then a range of `_id` (time): see auditQuery.ts
schema.index({ caseId: 1, _id: 1 });
schema.index({ actorId: 1, _id: 1 });
schema.index({ orgId: 1, _id: 1 });
schema.index({ kind: 1, _id: 1 });

/** The `audit_events` model on a connection. */
export function auditEventModel(conn: Connection): Model<AuditEventDoc> {
  return (
    (conn.models.AuditEvent as Model<AuditEventDoc> | undefined) ??
    conn.model<AuditEventDoc>('AuditEvent', schema)
  );
}
