import type { CaseEventView } from '../../../shared/api/views.js';

/** Merges events into a timeline: one entry per seq (never twice), in seq order. */
export function mergeEvents(
  existing: readonly CaseEventView[],
  incoming: readonly CaseEventView[],
): CaseEventView[] {
  if (incoming.length === 0) return existing as CaseEventView[];
  const bySeq = new Map<number, CaseEventView>();
  for (const ev of existing) bySeq.set(ev.seq, ev);
  let added = false;
  for (const ev of incoming) {
    if (!bySeq.has(ev.seq)) added = true;
    bySeq.set(ev.seq, ev);
  }
  if (!added && incoming.every((ev) => existing.some((e) => e.seq === ev.seq)))
    return existing as CaseEventView[];
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The highest seq in a timeline (0 when empty). */
export function lastSeq(events: readonly CaseEventView[] | undefined): number {
  return events?.reduce((max, ev) => Math.max(max, ev.seq), 0) ?? 0;
}
