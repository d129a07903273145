import { isEstimatedDate } from '../../shared/time/calendar.js';
import type { ClockExtension } from '../../shared/machine/caseContext.js';
import { computeDueAt } from '../../shared/time/clocks.js';
import type { ClockId } from '../../shared/time/clockIds.js';

/** How many clock runs {@link dueAtOf} remembers (the oldest is forgotten first). */
const REMEMBERED = 20_000;

/**
 * Due dates already counted, by clock, start and extension. Counting working days through the
 * holiday calendar takes tens of microseconds, and every commit projects each running clock of its
 * case again: the answer never changes for one run (the calendar is part of the code).
 */
const counted = new Map<string, { dueMs: number; estimated: boolean }>();

/**
 * The due date of a clock run, and whether it is an estimate: a due date in a year whose holiday
 * schedule is not yet published (provisional, or derived from the statutory holidays) may move when
 * the State Council's notice for that year is added to the calendar.
 */
export function dueAtOf(
  clock: ClockId,
  startedAt: string,
  extension?: ClockExtension,
): { dueAt: Date; estimated: boolean } {
  const key = extension
    ? `${clock}|${startedAt}|${extension.amount}|${extension.unit}`
    : `${clock}|${startedAt}`;
  let known = counted.get(key);
  if (!known) {
    const dueAt = new Date(computeDueAt(clock, startedAt, extension));
    known = { dueMs: dueAt.getTime(), estimated: isEstimatedDate(dueAt) };
    if (counted.size >= REMEMBERED) counted.delete(counted.keys().next().value as string);
    counted.set(key, known);
  }
  return { dueAt: new Date(known.dueMs), estimated: known.estimated };
}
