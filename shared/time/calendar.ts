/**
 * Working-day calendar of mainland China, in China Standard Time (UTC+8, no DST).
 *
 * Semantics (all functions are pure and isomorphic):
 * - A *calendar date* is a 'YYYY-MM-DD' string. An instant (a `Date`, or an ISO string with `Z` or a
 *   numeric offset) is first converted to its Beijing calendar date. ISO strings without an offset
 *   are rejected because their meaning would depend on the machine's time zone.
 * - A *working day* is Monday–Friday unless it is a day off in `chinaHolidays.ts`, plus the make-up
 *   working days (调休上班) on weekends.
 * - Periods do not count their first day (as in Chinese procedural law): N working days from T end
 *   with the Nth working day after T's date; N days or N months from T end with the date N days or N
 *   months after T's date (month arithmetic clamps to month end). If a calendar-day or month period's
 *   last day is not a working day, it extends to the next working day (Civil Procedure Law art. 85).
 *   Every period ends at 23:59:59.999 Beijing time of its last day.
 * - Years after the holiday data (`chinaHolidays.ts`) up to 2099 follow a schedule derived from the
 *   statutory holidays (`derivedHolidayYear.ts`); dates from the first provisional or derived year on
 *   are estimates (`isEstimatedDate`), to be shown as such.
 * - Dates before the data or after 2099 throw `CalendarRangeError`, inputs and results alike.
 */
import {
  CHINA_HOLIDAY_YEARS,
  FIRST_HOLIDAY_YEAR,
  LAST_HOLIDAY_YEAR,
  PROVISIONAL_HOLIDAY_YEARS,
} from './chinaHolidays.js';
import { deriveHolidayYear } from './derivedHolidayYear.js';

/** A calendar date, 'YYYY-MM-DD'. */
export type CalendarDate = string;

/** A date argument: a calendar date, an ISO instant with offset, or a `Date`. */
export type DateInput = string | Date;

/** Unit of a legal period. */
export type PeriodUnit = 'workingDays' | 'days' | 'months';

/** First covered calendar date. */
export const FIRST_COVERED_DATE: CalendarDate = `${FIRST_HOLIDAY_YEAR}-01-01`;

/** The last year a schedule is derived for. */
const LAST_DERIVED_YEAR = 2099;

/** Last covered calendar date. */
export const LAST_COVERED_DATE: CalendarDate = `${LAST_DERIVED_YEAR}-12-31`;

/**
 * The first date whose holiday schedule is not yet published (a provisional year of the data, or the
 * first derived year): periods reaching it are estimates.
 */
export const FIRST_ESTIMATED_DATE: CalendarDate = `${Math.min(...PROVISIONAL_HOLIDAY_YEARS, LAST_HOLIDAY_YEAR + 1)}-01-01`;

/** Thrown when a date falls outside the years the holiday calendar covers. */
export class CalendarRangeError extends RangeError {
  /** The offending calendar date. */
  readonly date: CalendarDate;

  constructor(date: CalendarDate) {
    super(
      `Date ${date} is outside the covered holiday calendar (${FIRST_COVERED_DATE} to ${LAST_COVERED_DATE}); ` +
        'add that year to shared/time/chinaHolidays.ts',
    );
    this.name = 'CalendarRangeError';
    this.date = date;
  }
}

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

const daysOff = new Set<CalendarDate>();
const makeUpWorkdays = new Set<CalendarDate>();
const loadedYears = new Set<number>();
function loadYear(year: (typeof CHINA_HOLIDAY_YEARS)[number]): void {
  loadedYears.add(year.year);
  for (const block of year.blocks) {
    block.daysOff.forEach((d) => daysOff.add(d));
    block.makeUpWorkdays.forEach((d) => makeUpWorkdays.add(d));
  }
}
CHINA_HOLIDAY_YEARS.forEach(loadYear);

/** Loads the derived schedule of a covered date's year the first time a date in it is asked about. */
function withYear(date: CalendarDate): CalendarDate {
  const year = Number(date.slice(0, 4));
  if (!loadedYears.has(year)) loadYear(deriveHolidayYear(year));
  return date;
}

/** Whether a date (or an instant's Beijing date) lies where the holiday schedule is an estimate. */
export function isEstimatedDate(value: DateInput): boolean {
  return toBeijingDate(value) >= FIRST_ESTIMATED_DATE;
}

/** Day number (days since 1970-01-01) of a calendar date; validates the format and the date. */
function dayNumber(date: CalendarDate): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new TypeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const n = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
  if (fromDayNumber(n) !== date) throw new TypeError(`Invalid calendar date: ${date}`);
  return n;
}

/** Calendar date of a day number. */
function fromDayNumber(n: number): CalendarDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Throws `CalendarRangeError` unless the date is covered; returns it. */
function covered(date: CalendarDate): CalendarDate {
  if (date < FIRST_COVERED_DATE || date > LAST_COVERED_DATE) throw new CalendarRangeError(date);
  return date;
}

/** Milliseconds since the epoch of an instant (a `Date`, or an ISO string with `Z` or an offset). */
export function instantMs(value: DateInput): number {
  const ms = value instanceof Date ? value.getTime() : INSTANT_RE.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    throw new TypeError(`Not an instant (ISO 8601 with Z or an offset): ${JSON.stringify(String(value))}`);
  }
  return ms;
}

/** The Beijing (UTC+8) calendar date of an instant; a calendar date is returned as is (validated). */
export function toBeijingDate(value: DateInput): CalendarDate {
  if (typeof value === 'string' && DATE_RE.test(value)) return fromDayNumber(dayNumber(value));
  return new Date(instantMs(value) + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last instant (23:59:59.999 Beijing time) of a calendar date, as an ISO string in UTC. */
export function endOfBeijingDay(date: CalendarDate): string {
  return new Date((dayNumber(date) + 1) * DAY_MS - BEIJING_OFFSET_MS - 1).toISOString();
}

/** Whether the (Beijing) date is a working day: Mon–Fri not on holiday, or a make-up working day. */
export function isWorkingDay(date: DateInput): boolean {
  const d = withYear(covered(toBeijingDate(date)));
  if (makeUpWorkdays.has(d)) return true;
  if (daysOff.has(d)) return false;
  const weekday = (dayNumber(d) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday !== 0 && weekday !== 6;
}

/** Requires a non-negative integer count. */
function count(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
  return n;
}

/** The date `n` calendar days after the (Beijing) date of `start`; no holiday extension. */
export function addCalendarDays(start: DateInput, n: number): CalendarDate {
  const from = covered(toBeijingDate(start));
  return covered(fromDayNumber(dayNumber(from) + count(n, 'Number of days')));
}

/**
 * The date `n` calendar months after the (Beijing) date of `start`, clamped to the end of the
 * target month (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year); no holiday extension.
 */
export function addMonths(start: DateInput, n: number): CalendarDate {
  const from = covered(toBeijingDate(start));
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + count(n, 'Number of months');
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex % 12; // 0-based
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return covered(fromDayNumber(Date.UTC(year, month, Math.min(d, lastDay)) / DAY_MS));
}

/**
 * The `n`th working day after the (Beijing) date of `start`; the start day itself is not counted.
 * `n = 0` returns the start date.
 */
export function addWorkingDays(start: DateInput, n: number): CalendarDate {
  let day = dayNumber(covered(toBeijingDate(start)));
  for (let left = count(n, 'Number of working days'); left > 0;) {
    day += 1;
    if (isWorkingDay(fromDayNumber(day))) left -= 1;
  }
  return fromDayNumber(day);
}

/** The first working day on or after the (Beijing) date of `date` (the art. 85 extension). */
export function nextWorkingDayOnOrAfter(date: DateInput): CalendarDate {
  let day = dayNumber(covered(toBeijingDate(date)));
  while (!isWorkingDay(fromDayNumber(day))) day += 1;
  return fromDayNumber(day);
}

/**
 * Number of working days d with a < d ≤ b (Beijing dates), so that
 * `workingDaysBetween(a, addWorkingDays(a, n)) === n`; negative when b is before a.
 */
export function workingDaysBetween(a: DateInput, b: DateInput): number {
  const from = dayNumber(covered(toBeijingDate(a)));
  const to = dayNumber(covered(toBeijingDate(b)));
  if (to < from) return -workingDaysBetween(b, a);
  let n = 0;
  for (let day = from + 1; day <= to; day += 1) if (isWorkingDay(fromDayNumber(day))) n += 1;
  return n;
}

/**
 * The last calendar day of a period of `amount` `unit`s starting at `start`, after the art. 85
 * extension for calendar-day and month periods (working-day periods always end on a working day).
 */
export function periodLastDay(start: DateInput, amount: number, unit: PeriodUnit): CalendarDate {
  switch (unit) {
    case 'workingDays':
      return addWorkingDays(start, amount);
    case 'days':
      return nextWorkingDayOnOrAfter(addCalendarDays(start, amount));
    case 'months':
      return nextWorkingDayOnOrAfter(addMonths(start, amount));
    default:
      throw new TypeError(`Unknown period unit: ${String(unit)}`);
  }
}

/** The instant a period ends: 23:59:59.999 Beijing time of `periodLastDay`, as an ISO string (UTC). */
export function periodEndsAt(start: DateInput, amount: number, unit: PeriodUnit): string {
  return endOfBeijingDay(periodLastDay(start, amount, unit));
}
