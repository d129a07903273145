import type { Connection } from 'mongoose';

/** MongoDB's "index not found" (dropping one a database never had). */
const INDEX_NOT_FOUND = 27;
/** MongoDB's "namespace not found" (a collection not created yet). */
const NAMESPACE_NOT_FOUND = 26;

/**
 * Indexes earlier versions declared and this one does not, by collection. The embedded engine
 * rewrites every index entry of a document on each update, so an index left behind would cost every
 * action though no query uses it. (`searchTokens_1` is `ensureCaseSearch`'s: it moves the tokens
 * first; it also copies intake's keys to `case_search` before their indexes here are dropped.)
 */
export const RETIRED_INDEXES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  cases: [
    // served by {viewerKeys, open, status}, {viewerKeys, attentionAt} and {open, status, filedAt}
    'viewerKeys_1_status_1',
    'viewerKeys_1_open_1',
    'viewerKeys_1_deskQueue_1',
    'assigneeIds_1_status_1',
    'assigneeIds_1_open_1',
    'assigneeIds_1_attentionAt_1',
    'status_1_filedAt_1',
    'open_1_status_1',
    'mediatorId_1_open_1',
    // an organisation's load and its figures: {orgId, open, filedAt}
    'orgId_1_open_1',
    'orgId_1_filedAt_1',
    // intake's lookups read `case_search` (`ensureCaseSearch` copies the keys there first)
    'complainantId_1_filedAt_-1',
    'rightNumbers_1',
  ],
  // intake reads the open cases on a right by {rightNumbers, open} (`ensureCaseSearch` writes `open` first)
  case_search: ['rightNumbers_1'],
  // a case's log is read by `<caseId>:<seq>` ids (`readCaseEvents`), its events of a type by {caseId, type}
  case_events: ['caseId_1_seq_1'],
});

/** Drops the retired indexes a database still has (start-up; repeating it is harmless). */
export async function dropRetiredIndexes(db: Connection): Promise<string[]> {
  const dropped: string[] = [];
  for (const [collection, names] of Object.entries(RETIRED_INDEXES)) {
    for (const name of names) {
      try {
        await db.collection(collection).dropIndex(name);
        dropped.push(`${collection}.${name}`);
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (code !== INDEX_NOT_FOUND && code !== NAMESPACE_NOT_FOUND) throw err;
      }
    }
  }
  return dropped;
}
