import type { AuditEntryView } from '../../shared/api/auditView.js';
import type { AuditEventDoc } from './auditEventModel.js';

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
