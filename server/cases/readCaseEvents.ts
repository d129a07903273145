import type { Model } from 'mongoose';
import type { CaseEventDoc } from './caseEventModel.js';

/** The most point lookups in flight at once while reading a log. */
const MAX_BATCH = 32;

/**
 * The events of one case after `afterSeq`, in order, read by their ids (`<caseId>:<seq>`). A case's
 * log has no gaps (each append takes the next seq or fails), so the first missing id is its end.
 * Lookups by `_id` alone are primary-key reads on every engine, so the cost is proportional to the
 * events returned. Batches grow 1, 2, 4 … 32, so the usual "anything after seq N?" question (a
 * reconnecting client) costs one lookup.
 */
export async function readCaseEvents(
  Events: Model<CaseEventDoc>,
  caseId: string,
  afterSeq = 0,
): Promise<CaseEventDoc[]> {
  const events: CaseEventDoc[] = [];
  let next = afterSeq + 1;
  for (let batch = 1; ; batch = Math.min(batch * 2, MAX_BATCH)) {
    const found = await Promise.all(
      Array.from({ length: batch }, (_, i) => Events.findById(`${caseId}:${next + i}`).lean<CaseEventDoc>()),
    );
    for (const ev of found) {
      if (!ev) return events;
      events.push(ev);
    }
    next += batch;
  }
}
