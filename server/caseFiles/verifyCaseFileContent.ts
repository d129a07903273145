import { GENESIS_HASH, hashEvent } from '../cases/eventHash.js';
import type { CaseFileEvent, CaseFileManifest } from './caseFileManifest.js';

/** What checking a case file found. */
export interface CaseFileVerification {
  ok: boolean;
  events: number;
  eventsInFull: number;
  evidence: number;
  problems: string[];
}

/**
 * Checks a case file offline: every event links to the one before (seq 1..n, `prevHash`), every event
 * given in full hashes to its `hash`, the log ends at the manifest's last hash, and every evidence
 * file's SHA-256 and size are those recorded. `evidenceHash` gives the SHA-256 and size of a path in
 * the archive (or null when it is missing).
 */
export function verifyCaseFileContent(
  manifest: CaseFileManifest,
  events: readonly CaseFileEvent[],
  evidenceHash: (path: string) => { sha256: string; size: number } | null,
): CaseFileVerification {
  const problems: string[] = [];
  let prevHash = GENESIS_HASH;
  let inFull = 0;
  events.forEach((ev, i) => {
    if (ev.seq !== i + 1) problems.push(`expected event ${i + 1}, found ${ev.seq}`);
    if (ev.prevHash !== prevHash) problems.push(`event ${ev.seq} is not linked to the event before it`);
    if (!ev.withheld) {
      inFull += 1;
      if (ev.caseId !== manifest.caseId) problems.push(`event ${ev.seq} belongs to another case`);
      if (hashEvent(ev) !== ev.hash) problems.push(`event ${ev.seq}: its content does not match its hash`);
    }
    prevHash = ev.hash;
  });
  if (events.length !== manifest.log.events || prevHash !== manifest.log.lastHash) {
    problems.push('the log does not end where the manifest says');
  }
  for (const file of manifest.evidence) {
    const found = evidenceHash(file.path);
    if (!found) problems.push(`${file.path} is missing`);
    else if (found.sha256 !== file.sha256 || found.size !== file.size)
      problems.push(`${file.path}: its SHA-256 is not the one recorded`);
  }
  return {
    ok: problems.length === 0,
    events: events.length,
    eventsInFull: inFull,
    evidence: manifest.evidence.length,
    problems,
  };
}
