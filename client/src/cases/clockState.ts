/** Live clock status and urgency, from `clockStatus` in `shared/` (the dashboard colours). */
import type { ClockView } from '../../../shared/api/views.js';
import { clockStatus, type ClockStatus } from '../../../shared/time/clocks.js';

/** Mantine colour of each clock status. */
export const CLOCK_COLORS: Record<ClockStatus, string> = {
  onTrack: 'teal',
  atRisk50: 'yellow',
  atRisk80: 'orange',
  breached: 'red',
};

/** A clock's status and time left at `now`. */
export function liveClock(
  clock: ClockView,
  now: number,
): { status: ClockStatus; remainingMs: number; fraction: number } {
  const start = Date.parse(clock.startedAt);
  const due = Date.parse(clock.dueAt);
  if (!(due > start))
    return { status: clock.breached ? 'breached' : clock.status, remainingMs: due - now, fraction: 1 };
  const { status, remainingMs } = clockStatus(clock.startedAt, clock.dueAt, new Date(now).toISOString());
  return {
    status: clock.breached ? 'breached' : status,
    remainingMs,
    fraction: Math.min(1, Math.max(0, (now - start) / (due - start))),
  };
}

/** The clock of a case that is due first (the one to show in lists). */
export function nextClock(clocks: readonly ClockView[]): ClockView | undefined {
  return [...clocks].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0];
}

/**
 * How urgent a case is, for sorting queues: the most-used share of time of its clocks (breached
 * first, then the most advanced); cases without a clock last.
 */
export function urgency(clocks: readonly ClockView[], now: number): number {
  if (clocks.length === 0) return -1;
  return Math.max(...clocks.map((c) => (c.breached ? 2 : liveClock(c, now).fraction)));
}
