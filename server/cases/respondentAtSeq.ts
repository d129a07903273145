import type { CaseDoc } from './caseModel.js';
import type { CaseStore } from './caseStore.js';

/** The event type that makes another person the respondent of a case. */
const LINK_RESPONDENT = 'LINK_RESPONDENT';

/**
 * Who was the respondent of a case when the event at a seq was appended, from its log: the account
 * linked at filing, then each `LINK_RESPONDENT` in turn. A caucus belongs to a person, not to the
 * role: a respondent linked later reads only what was written in their own time. One indexed read
 * (the case's link events) and, when there are any, the filing event by id.
 */
export async function respondentAtSeq(
  store: CaseStore,
  doc: Pick<CaseDoc, '_id' | 'respondentId'>,
): Promise<(seq: number) => string | null> {
  const links = await store.eventsOfType(doc._id, LINK_RESPONDENT);
  if (links.length === 0) return () => doc.respondentId;
  const filed = await store.models.events.findById(`${doc._id}:1`, { data: 1 }).lean();
  const input = (filed?.data as { input?: { respondentId?: string | null } } | undefined)?.input;
  const first = input?.respondentId ?? null;
  return (seq) => {
    let respondent = first;
    for (const link of links) {
      if (link.seq >= seq) break;
      // a link of another respondent's slot leaves the first respondent as it was
      if (((link.data.respondent as number | undefined) ?? 0) !== 0) continue;
      respondent = (link.data.respondentId as string | undefined) ?? respondent;
    }
    return respondent;
  };
}
