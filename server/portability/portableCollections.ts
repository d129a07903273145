/**
 * The collections an archive carries, in the order they are written and loaded. `case_events` (the
 * hash-chained log, the record of truth) comes before `evidence.files`, whose files it vouches for.
 * The credit register and the declared mediator conflicts are written by case effects, but they are
 * carried as they are: they keep what the log alone does not say (the case as it was when the entry
 * was made). `case_numbers` keeps the case-number allocator's state, so a case filed after an import
 * never reuses a number. `supervision_reports` are the public's reports to the supervision office.
 * `invitations` keeps the respondents' links (hashes only) and what became of
 * them, which the log records only as facts.
 */
export const PORTABLE_COLLECTIONS = [
  'organisations',
  'users',
  'case_numbers',
  'credit_register',
  'mediator_conflicts',
  'supervision_reports',
  'case_events',
  'invitations',
  'evidence.files',
] as const;

/** A collection an archive carries. */
export type PortableCollection = (typeof PORTABLE_COLLECTIONS)[number];

/**
 * Collections an import rebuilds from the event log instead of carrying them: the `cases`
 * projections (replay) with their search tokens (`case_search`), the desks' `case_tallies` of open cases (kept with each projection), the
 * stored clock runs (`deadlines`) of the clocks the cases run, and `messages` (each is the copy of a
 * `MESSAGE_POSTED` event).
 */
export const REBUILT_COLLECTIONS = ['cases', 'case_search', 'case_tallies', 'deadlines', 'messages'] as const;

/**
 * Collections an archive leaves out on purpose: `idempotency_keys` are transient (a day long),
 * `evidence.chunks` holds the evidence content, which is carried as one member per file, and
 * `mail_outbox` holds mails of this installation (sent, or to be sent from here), `notifications` are
 * each user's notices of this installation, and `password_resets` are transient (minutes long).
 * `audit_events` is the record of the instance it was made on (who read and changed what there).
 * Generated documents (`documents.*`, `document_jobs`) are not carried yet: after an import their
 * `DOCUMENT_ISSUED` events stand, and a download answers 409 until they are rendered again.
 */
export const UNCARRIED_COLLECTIONS = [
  'idempotency_keys',
  'evidence.chunks',
  'mail_outbox',
  'notifications',
  'password_resets',
  'audit_events',
  'document_jobs',
  'documents.files',
  'documents.chunks',
] as const;

/** Whether Sevenfold knows what to do with a collection when it exports (carry, rebuild or leave). */
export function isKnownCollection(name: string): boolean {
  return ([...PORTABLE_COLLECTIONS, ...REBUILT_COLLECTIONS, ...UNCARRIED_COLLECTIONS] as string[]).includes(
    name,
  );
}
