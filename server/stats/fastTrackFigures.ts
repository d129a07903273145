import { periodEndsAt } from '../../shared/time/calendar.js';
import { daysBetween, median, roundTo } from './distribution.js';
import type { FastTrackFigures } from '../../shared/api/statsView.js';

/** The fast track's target: a determination within 10 working days of filing. */
export const FAST_TRACK_TARGET_WORKING_DAYS = 10;

/** A fast-track case, as the figures need it: `decidedAt` is the determination, if any. */
export interface FastTrackCase {
  filedAt: Date;
  decidedAt: Date | null;
  closed: boolean;
}

/**
 * When a fast-track case filed at `filedAt` is due (end of the 10th working day after filing, on the
 * Chinese working-day calendar); `null` outside the years the calendar covers.
 */
export function fastTrackDueAt(filedAt: Date): Date | null {
  try {
    return new Date(periodEndsAt(filedAt, FAST_TRACK_TARGET_WORKING_DAYS, 'workingDays'));
  } catch (err) {
    if (err instanceof RangeError) return null;
    throw err;
  }
}

/**
 * Median days from filing to determination, and the breaches of the target: cases decided after it,
 * and open cases still undecided at `now` after it (a case closed undecided, e.g. withdrawn, is not).
 */
export function fastTrackFigures(cases: readonly FastTrackCase[], now: Date): FastTrackFigures {
  const decided = cases.filter((c): c is FastTrackCase & { decidedAt: Date } => c.decidedAt !== null);
  const breaches = cases.filter((c) => {
    const due = fastTrackDueAt(c.filedAt);
    if (!due) return false;
    if (c.decidedAt) return c.decidedAt.getTime() > due.getTime();
    return !c.closed && now.getTime() > due.getTime();
  }).length;
  return {
    medianDaysToDecision: roundTo(median(decided.map((c) => daysBetween(c.filedAt, c.decidedAt))), 2),
    targetWorkingDays: FAST_TRACK_TARGET_WORKING_DAYS,
    breaches,
  };
}
