import type { CaseStore } from './caseStore.js';
import { DOCUMENT_ISSUED } from './documentIssued.js';

/**
 * Whether everything appended to a case after `seq` is generated documents (`DOCUMENT_ISSUED`): facts
 * the platform records after an event, which change nothing a user decided on. An action refused
 * because one of them took its seq (or moved the case past the seq the user saw) can be taken again.
 */
export async function onlyDocumentsSince(store: Pick<CaseStore, 'events'>, caseId: string, seq: number) {
  const since = await store.events(caseId, seq);
  return since.length > 0 && since.every((ev) => ev.type === DOCUMENT_ISSUED);
}
