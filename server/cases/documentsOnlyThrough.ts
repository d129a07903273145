import type { CaseStore } from './caseStore.js';
import { DOCUMENT_ISSUED } from './documentIssued.js';

/**
 * When everything appended to a case after `seq` is generated documents (`DOCUMENT_ISSUED`: facts the
 * platform records after an event, which change nothing a user decided on), the seq of the last of
 * them; `null` when nothing was appended or something else was. An action refused because documents
 * took its seq can be taken again expecting exactly that seq, so anything appended after this read
 * (a message, another action) still refuses it.
 */
export async function documentsOnlyThrough(
  store: Pick<CaseStore, 'events'>,
  caseId: string,
  seq: number,
): Promise<number | null> {
  const since = await store.events(caseId, seq);
  if (since.length === 0 || !since.every((ev) => ev.type === DOCUMENT_ISSUED)) return null;
  return since[since.length - 1]!.seq;
}
