import type { AuditEventDoc } from './auditEventModel.js';

/** An audit entry as the API shows it. */
export interface AuditEntryView {
  id: string;
  at: string;
  kind: string;
  actor: { id: string; name: string; role: string };
  caseId: string | null;
  orgId: string | null;
  target: { type: string; id: string; label: string };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Presents an audit entry. */
export function presentAuditEntry(e: AuditEventDoc): AuditEntryView {
  return {
    id: e._id,
    at: new Date(e.at).toISOString(),
    kind: e.kind,
    actor: { id: e.actorId, name: e.actorName, role: e.actorRole },
    caseId: e.caseId,
    orgId: e.orgId,
    target: { type: e.target.type, id: e.target.id, label: e.target.label ?? '' },
    before: e.before,
    after: e.after,
  };
}
