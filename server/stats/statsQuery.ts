import Joi from 'joi';
import { BEIJING_OFFSET_MINUTES } from './isoWeeks.js';

/**
 * The filing-date range of `GET /api/stats`: cases filed at or after `from` and before `to`. Both
 * are optional; `to` is already exclusive (see {@link parseStatsDate}).
 */
export interface StatsQuery {
  from?: Date;
  to?: Date;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const DAY_MS = 86_400_000;

/**
 * Parses a bound of the stats range: a calendar date `YYYY-MM-DD` (a Beijing day) or an ISO instant
 * with `Z` or an offset. A lower bound is the start of the day or the instant; an upper bound is
 * inclusive, so it is returned as the first instant after it (the next day's start, or the instant
 * plus 1 ms). `null` when the text is not such a date.
 */
export function parseStatsDate(text: string, bound: 'from' | 'to'): Date | null {
  const day = DATE_ONLY.exec(text);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const utcMidnight = Date.UTC(y, m - 1, d);
    if (new Date(utcMidnight).toISOString().slice(0, 10) !== text) return null;
    const start = utcMidnight - BEIJING_OFFSET_MINUTES * 60_000;
    return new Date(bound === 'from' ? start : start + DAY_MS);
  }
  if (!INSTANT.test(text)) return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  return new Date(bound === 'from' ? ms : ms + 1);
}

const bound = (which: 'from' | 'to') =>
  Joi.string()
    .trim()
    .max(40)
    .custom((text: string, helpers) => {
      const at = parseStatsDate(text, which);
      return (
        at ??
        helpers.message({
          custom: '{{#label}} must be a date (YYYY-MM-DD) or an ISO instant with Z or an offset',
        })
      );
    });

/** `GET /api/stats` query: `from` and `to`, ISO dates or instants, `from` not after `to`. */
export const statsQuerySchema = Joi.object({ from: bound('from'), to: bound('to') }).custom(
  (value: StatsQuery, helpers) =>
    value.from && value.to && value.from.getTime() >= value.to.getTime()
      ? helpers.message({ custom: 'from must not be after to' })
      : value,
);
