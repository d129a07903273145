import { isEstimatedDate } from '../../shared/time/calendar.js';
import type { ClockExtension } from '../../shared/machine/caseContext.js';
import { computeDueAt } from '../../shared/time/clocks.js';
import type { ClockId } from '../../shared/time/clockIds.js';

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
  const dueAt = new Date(computeDueAt(clock, startedAt, extension));
  return { dueAt, estimated: isEstimatedDate(dueAt) };
}
