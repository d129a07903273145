/**
 * Holiday schedules for years no State Council notice covers yet, derived from the statutory
 * holidays of 《全国年节及纪念日放假办法》 (as revised 2024, effective 2025-01-01, art. 2): New Year's
 * Day (1 day), Spring Festival (its eve and the first three days of the first lunar month), Qingming
 * (1 day), Labour Day (1–2 May), Dragon Boat (1 day), Mid-Autumn (1 day) and National Day (1–3
 * October). A statutory day that falls on a Saturday or Sunday is given back on the next working day
 * after its block (the regulation's 补假 rule). The yearly notice also swaps weekends for longer blocks (调休); those
 * swaps cannot be derived, so a derived year has none and every date in it is an estimate.
 *
 * Lunar dates come from the Chinese calendar of the JavaScript runtime (ICU, Beijing time); Qingming
 * from the standard approximation of the solar term for 2001–2099.
 */
import type { HolidayBlock, HolidayFestival, HolidayYear } from './chinaHolidays.js';

const DAY_MS = 86_400_000;

const lunar = new Intl.DateTimeFormat('en-u-ca-chinese', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
});

/** 'YYYY-MM-DD' of a UTC day number. */
function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC day number of a Gregorian date. */
function dayOf(year: number, month: number, date: number): number {
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

/** The lunar month (a number, or e.g. '4bis' for a leap month) and day of a Beijing calendar date. */
function lunarDate(day: number): { month: string; day: string } {
  // noon in Beijing, so the instant is well inside that Beijing date
  const parts = lunar.formatToParts(new Date(day * DAY_MS + 4 * 3_600_000));
  return {
    month: parts.find((p) => p.type === 'month')?.value ?? '',
    day: parts.find((p) => p.type === 'day')?.value ?? '',
  };
}

/** The first date of `year` between two Gregorian dates whose lunar date is `month`/`date`. */
function findLunar(year: number, from: [number, number], to: [number, number], month: number, date: number) {
  for (let d = dayOf(year, ...from); d <= dayOf(year, ...to); d++) {
    const l = lunarDate(d);
    if (l.month === String(month) && l.day === String(date)) return d;
  }
  throw new RangeError(`No lunar ${month}/${date} found in ${year}`);
}

/** Qingming (the solar term 清明) of a year 2001–2099: 寿星 formula, C = 4.81 for the 21st century. */
function qingmingDay(year: number): number {
  const y = year % 100;
  return dayOf(year, 4, Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4));
}

const isWeekend = (day: number) => {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday === 0 || weekday === 6;
};

/** The schedule of `year` (2028–2099) derived from the statutory holidays; see the module comment. */
export function deriveHolidayYear(year: number): HolidayYear {
  if (!Number.isInteger(year) || year < 2025 || year > 2099) {
    throw new RangeError(`Holiday schedules can be derived for 2025–2099, not ${year}`);
  }
  const spring = findLunar(year, [1, 20], [2, 21], 1, 1);
  const statutory: [HolidayFestival, string, string, number[]][] = [
    ['newYear', "New Year's Day", '元旦', [dayOf(year, 1, 1)]],
    ['springFestival', 'Spring Festival', '春节', [spring - 1, spring, spring + 1, spring + 2]],
    ['qingming', 'Qingming Festival', '清明节', [qingmingDay(year)]],
    ['labourDay', 'Labour Day', '劳动节', [dayOf(year, 5, 1), dayOf(year, 5, 2)]],
    ['dragonBoat', 'Dragon Boat Festival', '端午节', [findLunar(year, [5, 20], [6, 25], 5, 5)]],
    ['nationalDay', 'National Day', '国庆节', [dayOf(year, 10, 1), dayOf(year, 10, 2), dayOf(year, 10, 3)]],
    ['midAutumn', 'Mid-Autumn Festival', '中秋节', [findLunar(year, [9, 5], [10, 10], 8, 15)]],
  ];
  const off = new Set(statutory.flatMap(([, , , days]) => days));
  const taken = new Set<number>();
  const blocks: HolidayBlock[] = statutory.map(([festival, name, nameZh, days]) => {
    const daysOff = [...days];
    // each statutory day on a weekend, or on another festival's day (Mid-Autumn on 1–3 October), is
    // given back on the next working day after the block
    let owed = days.filter((d) => isWeekend(d) || taken.has(d)).length;
    days.forEach((d) => taken.add(d));
    for (let d = Math.max(...days) + 1; owed > 0; d++) {
      if (isWeekend(d) || off.has(d)) continue;
      off.add(d);
      daysOff.push(d);
      owed -= 1;
    }
    return { festivals: [festival], name, nameZh, daysOff: daysOff.map(isoOf), makeUpWorkdays: [] };
  });
  return {
    year,
    provisional: true,
    source:
      'Derived by Sevenfold from the statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision): ' +
      'art. 2 and the 补假 rule; no State Council notice yet',
    note: 'ESTIMATED: statutory days off and weekend make-up days off only; the notice’s weekend swaps are unknown.',
    blocks,
  };
}
