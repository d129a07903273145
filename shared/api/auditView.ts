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

/** A page of audit entries, newest first; `next` continues it. */
export interface AuditPage {
  items: AuditEntryView[];
  next: string | null;
}
