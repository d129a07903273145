import type { CaseEventDoc } from '../cases/caseEventModel.js';
import { verifyCaseLog } from '../cases/verifyCaseLog.js';
import { EVIDENCE_ADDED, type EvidenceAddedData } from '../evidence/evidenceEvent.js';

/** What a case log says about an evidence file: its case, size and SHA-256. */
export interface RecordedEvidence {
  caseId: string;
  size: number;
  sha256: string;
}

/**
 * Checks case logs that arrive event by event, each case's events together and in seq order (as an
 * archive holds them): every hash chain with {@link verifyCaseLog}, one case in memory at a time.
 * Also gathers what the `EVIDENCE_ADDED` events record about each evidence file.
 */
export class CaseLogChecker {
  /** Problems found so far, one line each, naming the case. */
  readonly problems: string[] = [];
  /** Evidence files recorded by the logs, by id. */
  readonly evidence = new Map<string, RecordedEvidence>();
  private readonly seen = new Set<string>();
  private current: { caseId: string; events: CaseEventDoc[] } | undefined;

  /** How many case logs were checked. */
  get cases(): number {
    return this.seen.size;
  }

  /** Adds the next event. */
  add(ev: CaseEventDoc): void {
    if (this.current?.caseId === ev.caseId) {
      this.current.events.push(ev);
      return;
    }
    this.finish();
    if (this.seen.has(ev.caseId)) this.problems.push(`case ${ev.caseId}: its events are not all together`);
    this.seen.add(ev.caseId);
    this.current = { caseId: ev.caseId, events: [ev] };
  }

  /** Checks the case in progress; call once after the last event. */
  finish(): void {
    if (!this.current) return;
    const { caseId, events } = this.current;
    this.current = undefined;
    const check = verifyCaseLog(caseId, events);
    if (!check.ok) this.problems.push(`case ${caseId}: ${check.problems.join('; ')}`);
    for (const ev of events) {
      if (ev.type !== EVIDENCE_ADDED) continue;
      const data = ev.data as unknown as EvidenceAddedData;
      this.evidence.set(data.evidenceId, { caseId, size: data.size, sha256: data.sha256 });
    }
  }
}
