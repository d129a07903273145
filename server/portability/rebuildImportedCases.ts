import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { createCaseStore } from '../cases/caseStore.js';
import { verifyCaseLog } from '../cases/verifyCaseLog.js';
import { deadlineModel } from '../deadlines/deadlineModel.js';
import { syncDeadlines } from '../deadlines/syncDeadlines.js';
import { MESSAGE_POSTED } from '../messages/messageEvent.js';
import { messageFromEvent } from '../messages/messageFromEvent.js';
import { messageModel } from '../messages/messageModel.js';
import { PortabilityError } from './portabilityError.js';

/** What {@link rebuildImportedCases} wrote. */
export interface RebuiltCases {
  projections: number;
  deadlines: number;
  messages: number;
}

/**
 * Rebuilds what an import derives from each loaded case log, once its hash chain verifies as stored:
 * the `cases` projection (the store's replay), the stored deadlines of the clocks it runs
 * (`syncDeadlines`; the scheduler finds in the log the warnings already published) and its `messages`.
 * Appends nothing: the log stays exactly as it was exported.
 */
export async function rebuildImportedCases(
  db: Connection,
  caseIds: readonly string[],
  deps: { logger: Pick<Logger, 'warn' | 'error' | 'debug'>; progress: (line: string) => void },
): Promise<RebuiltCases> {
  const store = createCaseStore({ db, logger: deps.logger, now: () => new Date() });
  const Deadlines = deadlineModel(db);
  const Messages = messageModel(db);
  let messages = 0;
  for (const [i, caseId] of caseIds.entries()) {
    const events = await store.events(caseId);
    const check = verifyCaseLog(caseId, events);
    if (!check.ok) {
      throw new PortabilityError(`case ${caseId} does not verify once loaded: ${check.problems.join('; ')}`);
    }
    const doc = await store.rebuild(caseId);
    // no deadline exists yet: an empty list of previous clocks makes syncDeadlines read by id only
    await syncDeadlines(db, doc, []);
    const posted = events.filter((ev) => ev.type === MESSAGE_POSTED).map(messageFromEvent);
    if (posted.length > 0) await Messages.insertMany(posted);
    messages += posted.length;
    if ((i + 1) % 1000 === 0) deps.progress(`rebuilt ${i + 1} of ${caseIds.length} cases`);
  }
  return {
    projections: caseIds.length,
    deadlines: await Deadlines.countDocuments({}),
    messages,
  };
}
