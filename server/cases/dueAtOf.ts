import { CalendarRangeError } from '../../shared/case/calendar.js';
import type { ClockExtension } from '../../shared/case/caseContext.js';
import { CLOCKS, computeDueAt } from '../../shared/case/clocks.js';
import type { ClockId } from '../../shared/case/clockIds.js';

const DAY = 24 * 3600 * 1000;
const BEIJING = 8 * 3600 * 1000;

/**
 * The due date of a clock run. Beyond the years of holiday data (CalendarRangeError) it falls back
 * to weekdays without holidays, so a case is never stuck on a missing calendar year; the result is
 * then flagged `approximate` and should be corrected by adding that year's data.
 */
export function dueAtOf(
  clock: ClockId,
  startedAt: string,
  extension?: ClockExtension,
): { dueAt: Date; approximate: boolean } {
  try {
    return { dueAt: new Date(computeDueAt(clock, startedAt, extension)), approximate: false };
  } catch (err) {
    if (!(err instanceof CalendarRangeError)) throw err;
  }
  const def = CLOCKS[clock];
  // the end of the Beijing day of `startedAt`, then whole days, weekdays or months on from there
  let t = Math.floor((new Date(startedAt).getTime() + BEIJING) / DAY) * DAY + DAY - 1 - BEIJING;
  const add = (amount: number, unit: string) => {
    if (unit === 'months') {
      const d = new Date(t + BEIJING);
      d.setUTCMonth(d.getUTCMonth() + amount);
      t = d.getTime() - BEIJING;
    } else if (unit === 'workingDays') {
      for (let n = 0; n < amount;) {
        t += DAY;
        const weekday = new Date(t + BEIJING).getUTCDay();
        if (weekday !== 0 && weekday !== 6) n++;
      }
    } else {
      t += amount * DAY;
    }
  };
  add(def.amount, def.unit);
  if (extension) add(extension.amount, extension.unit);
  return { dueAt: new Date(t), approximate: true };
}
