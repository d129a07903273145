import type { WeeklyCount } from '../../shared/api/statsView.js';
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Offset of Beijing time from UTC, in minutes: weeks start on Monday 00:00 in Beijing. */
export const BEIJING_OFFSET_MINUTES = 480;

/** One ISO week: its label and the instants it spans (`start` inclusive, `end` exclusive). */
export interface IsoWeek {
  week: string;
  start: Date;
  end: Date;
}

/** The ISO 8601 week `YYYY-Www` of an instant, on the local calendar of a UTC offset (Beijing by default). */
export function isoWeekOf(at: Date, offsetMinutes = BEIJING_OFFSET_MINUTES): string {
  const local = new Date(at.getTime() + offsetMinutes * 60_000);
  const weekday = local.getUTCDay() || 7; // Monday = 1 … Sunday = 7
  // the ISO year and week are those of the Thursday of the same week
  const thursday = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 4 - weekday);
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The instant the ISO week of `at` starts: Monday 00:00 on the local calendar of the offset. */
export function isoWeekStart(at: Date, offsetMinutes = BEIJING_OFFSET_MINUTES): Date {
  const offsetMs = offsetMinutes * 60_000;
  const day = Math.floor((at.getTime() + offsetMs) / DAY_MS);
  const sinceMonday = (((day + 3) % 7) + 7) % 7; // day 0 (1970-01-01) was a Thursday
  return new Date((day - sinceMonday) * DAY_MS - offsetMs);
}

/** The last `count` ISO weeks up to and including the week of `now`, oldest first. */
export function lastIsoWeeks(now: Date, count: number, offsetMinutes = BEIJING_OFFSET_MINUTES): IsoWeek[] {
  const current = isoWeekStart(now, offsetMinutes).getTime();
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(current - (count - 1 - i) * WEEK_MS);
    return { week: isoWeekOf(start, offsetMinutes), start, end: new Date(start.getTime() + WEEK_MS) };
  });
}

/** Counts the cases filed and closed in each of `weeks`; instants outside them are ignored. */
export function weeklyCounts(
  weeks: readonly IsoWeek[],
  cases: readonly { filedAt: Date; closedAt: Date | null }[],
): WeeklyCount[] {
  const counts = weeks.map((w) => ({ week: w.week, opened: 0, closed: 0 }));
  const indexOf = (at: Date): number =>
    weeks.findIndex((w) => at.getTime() >= w.start.getTime() && at.getTime() < w.end.getTime());
  for (const c of cases) {
    const opened = counts[indexOf(c.filedAt)];
    if (opened) opened.opened += 1;
    const closed = c.closedAt ? counts[indexOf(c.closedAt)] : undefined;
    if (closed) closed.closed += 1;
  }
  return counts;
}
