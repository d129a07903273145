import type { CaseIntegrityView } from '../../shared/api/views.js';
import type { CaseEventDoc } from './caseEventModel.js';
import { GENESIS_HASH, hashEvent } from './eventHash.js';

/**
 * Checks a case's log as the case page shows it (the same rules as `npm run verify-log`): seq runs
 * 1..n with no gap, each event's hash matches its content and its `prevHash` the event before, and the
 * case's projection ends where the log does. Names only the first event found broken.
 */
export function checkCaseIntegrity(
  events: readonly CaseEventDoc[],
  projection: { seq: number; lastHash: string },
): CaseIntegrityView {
  let prevHash = GENESIS_HASH;
  for (const [i, ev] of events.entries()) {
    const broken = (problem: CaseIntegrityView['problem']): CaseIntegrityView => ({
      intact: false,
      events: events.length,
      brokenAtSeq: i + 1,
      problem,
    });
    if (ev.seq !== i + 1) return broken('missing');
    if (hashEvent(ev) !== ev.hash) return broken('content');
    if (ev.prevHash !== prevHash) return broken('link');
    prevHash = ev.hash;
  }
  if (projection.seq > events.length) {
    return { intact: false, events: events.length, brokenAtSeq: events.length + 1, problem: 'missing' };
  }
  if (events.length > 0 && projection.lastHash !== prevHash) {
    return { intact: false, events: events.length, brokenAtSeq: events.length, problem: 'content' };
  }
  return { intact: true, events: events.length, brokenAtSeq: null, problem: null };
}
