/** What reading a case or one of its files records (one entry per reader and thing, at most every few minutes). */
export const ACCESS_KINDS = [
  'case.view',
  'evidence.download',
  'caseFile.download',
  'calendar.download',
] as const;
/** An access kind. */
export type AccessKind = (typeof ACCESS_KINDS)[number];

/** What an administrative change records (always, in the change's own transaction, with before/after). */
export const CHANGE_KINDS = [
  'org.create',
  'org.update',
  'user.create',
  'user.update',
  'user.invite',
  'report.acknowledge',
  'report.handle',
] as const;
/** An administrative change kind. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Every kind of audit entry. */
export const AUDIT_KINDS = [...ACCESS_KINDS, ...CHANGE_KINDS] as const;
/** A kind of audit entry. */
export type AuditKind = (typeof AUDIT_KINDS)[number];
