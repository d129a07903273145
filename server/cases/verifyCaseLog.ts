import type { CaseEventDoc } from './caseEventModel.js';
import { GENESIS_HASH, hashEvent } from './eventHash.js';

/** The result of checking one case's event log. */
export interface LogVerification {
  caseId: string;
  events: number;
  ok: boolean;
  problems: string[];
}

/**
 * Checks a case's events (sorted by seq): seq runs 1..n without gaps, each `prevHash` is the previous
 * event's `hash`, and each `hash` matches the event's content.
 */
export function verifyCaseLog(caseId: string, events: readonly CaseEventDoc[]): LogVerification {
  const problems: string[] = [];
  let prevHash = GENESIS_HASH;
  events.forEach((ev, i) => {
    if (ev.caseId !== caseId) problems.push(`event ${ev._id} belongs to case ${ev.caseId}`);
    if (ev.seq !== i + 1) problems.push(`expected seq ${i + 1}, found ${ev.seq}`);
    if (ev._id !== `${caseId}:${ev.seq}`) problems.push(`event ${ev.seq} has id ${ev._id}`);
    if (ev.prevHash !== prevHash)
      problems.push(`event ${ev.seq}: prevHash does not match event ${ev.seq - 1}`);
    if (hashEvent(ev) !== ev.hash) problems.push(`event ${ev.seq}: content does not match its hash`);
    prevHash = ev.hash;
  });
  if (events.length === 0) problems.push('no events');
  return { caseId, events: events.length, ok: problems.length === 0, problems };
}
