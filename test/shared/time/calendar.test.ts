import { expect } from 'chai';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  CalendarRangeError,
  endOfBeijingDay,
  FIRST_COVERED_DATE,
  isWorkingDay,
  LAST_COVERED_DATE,
  FIRST_ESTIMATED_DATE,
  isEstimatedDate,
  nextWorkingDayOnOrAfter,
  periodEndsAt,
  periodLastDay,
  toBeijingDate,
  workingDaysBetween,
} from '../../../shared/time/calendar.js';
import {
  CHINA_HOLIDAY_YEARS,
  isProvisionalHolidayYear,
  OFFICIAL_HOLIDAY_YEARS,
  PROVISIONAL_HOLIDAY_YEARS,
} from '../../../shared/time/chinaHolidays.js';
import { deriveHolidayYear } from '../../../shared/time/derivedHolidayYear.js';

/** Day of week of a calendar date, 0 = Sunday. */
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('chinaHolidays data', () => {
  it('covers 2024–2027 contiguously, 2024–2026 official and 2027 provisional', () => {
    expect(CHINA_HOLIDAY_YEARS.map((y) => y.year)).to.deep.equal([2024, 2025, 2026, 2027]);
    expect(OFFICIAL_HOLIDAY_YEARS).to.deep.equal([2024, 2025, 2026]);
    expect(PROVISIONAL_HOLIDAY_YEARS).to.deep.equal([2027]);
    expect(isProvisionalHolidayYear(2027)).to.equal(true);
    expect(isProvisionalHolidayYear(2026)).to.equal(false);
    expect(CHINA_HOLIDAY_YEARS.find((y) => y.year === 2027)?.note).to.match(/provisional/i);
  });

  it('names each year’s source notice', () => {
    const sources = Object.fromEntries(CHINA_HOLIDAY_YEARS.map((y) => [y.year, y.source]));
    expect(sources[2024]).to.contain('国办发明电〔2023〕7号');
    expect(sources[2025]).to.contain('国办发明电〔2024〕12号');
    expect(sources[2026]).to.contain('国办发明电〔2025〕7号');
  });

  it('keeps every date inside its year, make-up days on weekends, and no date both off and working', () => {
    for (const y of CHINA_HOLIDAY_YEARS) {
      const off = y.blocks.flatMap((b) => b.daysOff);
      const work = y.blocks.flatMap((b) => b.makeUpWorkdays);
      for (const d of [...off, ...work]) expect(d.slice(0, 4), d).to.equal(String(y.year));
      for (const d of work) expect([0, 6], d).to.include(weekday(d));
      expect(off.filter((d) => work.includes(d))).to.deep.equal([]);
      expect(new Set(off).size).to.equal(off.length);
    }
  });

  it('balances to the statutory count: weekday days off minus make-up days = 11 (2024) or 13 (from 2025)', () => {
    const expected: Record<number, number> = { 2024: 11, 2025: 13, 2026: 13, 2027: 13 };
    for (const y of CHINA_HOLIDAY_YEARS) {
      const weekdaysOff = y.blocks.flatMap((b) => b.daysOff).filter((d) => ![0, 6].includes(weekday(d)));
      const makeUp = y.blocks.flatMap((b) => b.makeUpWorkdays);
      expect(weekdaysOff.length - makeUp.length, String(y.year)).to.equal(expected[y.year]);
    }
  });

  it('has the 2024 make-up working days of the notice', () => {
    const y2024 = CHINA_HOLIDAY_YEARS.find((y) => y.year === 2024);
    expect(y2024?.blocks.flatMap((b) => b.makeUpWorkdays).sort()).to.deep.equal([
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ]);
  });
});

describe('calendar', () => {
  describe('toBeijingDate', () => {
    it('converts an instant just before 16:00 UTC to the same Beijing date', () => {
      expect(toBeijingDate('2025-09-30T15:59:59.999Z')).to.equal('2025-09-30');
    });

    it('converts an instant at 16:00 UTC to the next Beijing date', () => {
      expect(toBeijingDate('2025-09-30T16:00:00.000Z')).to.equal('2025-10-01');
      expect(toBeijingDate(new Date('2025-09-30T16:00:00Z'))).to.equal('2025-10-01');
    });

    it('honours explicit offsets and passes calendar dates through', () => {
      expect(toBeijingDate('2025-10-01T00:30:00+08:00')).to.equal('2025-10-01');
      expect(toBeijingDate('2025-09-30T12:00:00-05:00')).to.equal('2025-10-01');
      expect(toBeijingDate('2025-10-01')).to.equal('2025-10-01');
    });

    it('rejects instants without an offset and impossible dates', () => {
      expect(() => toBeijingDate('2025-09-30T10:00:00')).to.throw(TypeError, /offset/);
      expect(() => toBeijingDate('2025-02-30')).to.throw(TypeError, /Invalid calendar date/);
      expect(() => toBeijingDate('tomorrow')).to.throw(TypeError);
    });
  });

  describe('endOfBeijingDay', () => {
    it('is 23:59:59.999 Beijing time, i.e. 15:59:59.999Z', () => {
      expect(endOfBeijingDay('2025-10-09')).to.equal('2025-10-09T15:59:59.999Z');
      expect(endOfBeijingDay('2026-01-01')).to.equal('2026-01-01T15:59:59.999Z');
    });
  });

  describe('isWorkingDay', () => {
    it('follows the National Day 2025 holiday and its make-up days', () => {
      expect(isWorkingDay('2025-09-27')).to.equal(false); // ordinary Saturday
      expect(isWorkingDay('2025-09-28')).to.equal(true); // make-up Sunday
      expect(isWorkingDay('2025-10-01')).to.equal(false);
      expect(isWorkingDay('2025-10-08')).to.equal(false); // Wednesday, merged Mid-Autumn day
      expect(isWorkingDay('2025-10-09')).to.equal(true);
      expect(isWorkingDay('2025-10-11')).to.equal(true); // make-up Saturday
      expect(isWorkingDay('2025-10-12')).to.equal(false);
    });

    it('follows the Spring Festival holidays, including the eve rule change of 2025', () => {
      expect(isWorkingDay('2024-02-09')).to.equal(true); // 2024 eve was a working day
      expect(isWorkingDay('2025-01-28')).to.equal(false); // 2025 eve is a holiday
      expect(isWorkingDay('2025-05-02')).to.equal(false); // new statutory May 2
      expect(isWorkingDay('2026-02-14')).to.equal(true); // make-up Saturday
      expect(isWorkingDay('2026-02-23')).to.equal(false); // Monday inside the 9-day block
      expect(isWorkingDay('2026-02-28')).to.equal(true); // make-up Saturday
    });

    it('converts instants to the Beijing date around 16:00 UTC', () => {
      expect(isWorkingDay('2025-09-30T15:59:59.999Z')).to.equal(true);
      expect(isWorkingDay('2025-09-30T16:00:00.000Z')).to.equal(false);
    });

    it('covers New Year 2024 in Beijing for an instant still in 2023 in UTC', () => {
      expect(isWorkingDay('2023-12-31T16:00:00Z')).to.equal(false);
    });
  });

  describe('addWorkingDays', () => {
    it('counts 10 working days from late September 2025 across National Day with both make-up days', () => {
      // Sep 26, 28 (make-up), 29, 30, Oct 9, 10, 11 (make-up), 13, 14, 15
      expect(addWorkingDays('2025-09-25', 10)).to.equal('2025-10-15');
    });

    it('counts across Spring Festival 2026 with the Feb 14 and Feb 28 make-up days', () => {
      expect(addWorkingDays('2026-02-12', 5)).to.equal('2026-02-26'); // Feb 13, 14, 24, 25, 26
      expect(addWorkingDays('2026-02-12', 10)).to.equal('2026-03-04'); // ... 27, 28, Mar 2, 3, 4
    });

    it('does not count the start day, and n = 0 is the start date', () => {
      expect(addWorkingDays('2025-06-09', 1)).to.equal('2025-06-10');
      expect(addWorkingDays('2025-06-09', 0)).to.equal('2025-06-09');
      expect(addWorkingDays('2025-06-07', 1)).to.equal('2025-06-09'); // from a Saturday
    });

    it('starts from the Beijing date of an instant (just before / at 16:00 UTC)', () => {
      expect(addWorkingDays('2025-09-29T15:59:59.999Z', 1)).to.equal('2025-09-30');
      expect(addWorkingDays('2025-09-29T16:00:00.000Z', 1)).to.equal('2025-10-09');
    });

    it('rejects negative or fractional counts', () => {
      expect(() => addWorkingDays('2025-06-09', -1)).to.throw(RangeError, /non-negative integer/);
      expect(() => addWorkingDays('2025-06-09', 1.5)).to.throw(RangeError, /non-negative integer/);
    });
  });

  describe('workingDaysBetween', () => {
    it('counts working days after a up to and including b', () => {
      expect(workingDaysBetween('2025-09-25', '2025-10-15')).to.equal(10);
      expect(workingDaysBetween('2025-09-30', '2025-10-08')).to.equal(0);
      expect(workingDaysBetween('2026-02-13', '2026-02-24')).to.equal(2);
      expect(workingDaysBetween('2025-06-09', '2025-06-09')).to.equal(0);
    });

    it('is negative when b is before a', () => {
      expect(workingDaysBetween('2025-10-15', '2025-09-25')).to.equal(-10);
    });

    it('inverts addWorkingDays', () => {
      for (const n of [1, 3, 7, 15, 40]) {
        expect(workingDaysBetween('2026-01-30', addWorkingDays('2026-01-30', n))).to.equal(n);
      }
    });
  });

  describe('addCalendarDays and addMonths', () => {
    it('adds calendar days across month, year and leap-day boundaries', () => {
      expect(addCalendarDays('2025-12-31', 1)).to.equal('2026-01-01');
      expect(addCalendarDays('2024-02-28', 1)).to.equal('2024-02-29');
      expect(addCalendarDays('2025-09-16T02:00:00Z', 15)).to.equal('2025-10-01');
    });

    it('clamps month arithmetic to the end of the month', () => {
      expect(addMonths('2025-01-31', 1)).to.equal('2025-02-28');
      expect(addMonths('2024-01-31', 1)).to.equal('2024-02-29');
      expect(addMonths('2025-03-31', 1)).to.equal('2025-04-30');
      expect(addMonths('2025-08-31', 6)).to.equal('2026-02-28');
      expect(addMonths('2025-11-30', 3)).to.equal('2026-02-28');
      expect(addMonths('2024-02-29', 12)).to.equal('2025-02-28');
      expect(addMonths('2025-01-15', 0)).to.equal('2025-01-15');
    });
  });

  describe('periods (art. 85 extension)', () => {
    it('extends a calendar-day period ending on a holiday to the next working day', () => {
      // Sep 16 + 15 days = Oct 1 (National Day) -> Oct 9
      expect(periodLastDay('2025-09-16T02:00:00Z', 15, 'days')).to.equal('2025-10-09');
      expect(periodEndsAt('2025-09-16T02:00:00Z', 15, 'days')).to.equal('2025-10-09T15:59:59.999Z');
      // Jan 16 + 30 days = Feb 15 (Spring Festival) -> Feb 24
      expect(periodEndsAt('2026-01-16', 30, 'days')).to.equal('2026-02-24T15:59:59.999Z');
    });

    it('extends a period ending on an ordinary weekend, but not one ending on a make-up day', () => {
      expect(periodLastDay('2025-06-06', 15, 'days')).to.equal('2025-06-23'); // Sat Jun 21 -> Mon
      expect(periodLastDay('2025-09-26', 15, 'days')).to.equal('2025-10-11'); // make-up Saturday
    });

    it('extends a month period ending on a holiday, and keeps one ending on a working day', () => {
      expect(periodLastDay('2025-09-01', 1, 'months')).to.equal('2025-10-09');
      expect(periodLastDay('2025-08-31', 1, 'months')).to.equal('2025-09-30');
    });

    it('ends a working-day period at the end of the Nth working day', () => {
      expect(periodEndsAt('2025-09-25T09:00:00+08:00', 10, 'workingDays')).to.equal(
        '2025-10-15T15:59:59.999Z',
      );
    });

    it('rolls forward with nextWorkingDayOnOrAfter', () => {
      expect(nextWorkingDayOnOrAfter('2025-10-09')).to.equal('2025-10-09');
      expect(nextWorkingDayOnOrAfter('2025-01-28')).to.equal('2025-02-05');
    });
  });

  describe('covered range', () => {
    it('is 2024-01-01 to 2099-12-31, estimates from the first provisional year', () => {
      expect(FIRST_COVERED_DATE).to.equal('2024-01-01');
      expect(LAST_COVERED_DATE).to.equal('2099-12-31');
      expect(FIRST_ESTIMATED_DATE).to.equal('2027-01-01');
      expect(isEstimatedDate('2026-12-31')).to.equal(false);
      expect(isEstimatedDate('2026-12-31T16:00:00Z')).to.equal(true); // 2027-01-01 in Beijing
      expect(isEstimatedDate('2031-05-06')).to.equal(true);
    });

    it('throws CalendarRangeError naming the covered range for a date before it', () => {
      expect(() => isWorkingDay('2023-12-31')).to.throw(CalendarRangeError, /2024-01-01 to 2099-12-31/);
      expect(() => isWorkingDay('2023-12-31T15:59:59Z')).to.throw(CalendarRangeError);
    });

    it('throws CalendarRangeError when a result leaves the range', () => {
      expect(() => addWorkingDays('2099-12-30', 5)).to.throw(CalendarRangeError, /2100-01-01/);
      expect(() => addMonths('2099-11-15', 2)).to.throw(CalendarRangeError);
      expect(() => addCalendarDays('2100-01-01', 0)).to.throw(CalendarRangeError);
      const err = (() => {
        try {
          workingDaysBetween('2025-01-01', '2100-01-01');
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err).to.be.instanceOf(CalendarRangeError);
      expect((err as CalendarRangeError).date).to.equal('2100-01-01');
    });
  });

  describe('after the holiday data: derived years', () => {
    it('clamps month arithmetic to the month end (31 August 2027 + 6 months = 29 February 2028)', () => {
      expect(addMonths('2027-08-31', 6)).to.equal('2028-02-29');
      expect(periodLastDay('2027-08-31', 6, 'months')).to.equal('2028-02-29');
      expect(addMonths('2028-08-31', 6)).to.equal('2029-02-28');
    });

    it('extends a period ending on a weekend or holiday (15 days from 17 December 2027)', () => {
      // 2028-01-01 is a Saturday and New Year's Day, given back on Monday 3 January
      expect(weekday(addCalendarDays('2027-12-17', 15))).to.equal(6);
      expect(isWorkingDay('2028-01-03')).to.equal(false);
      expect(periodLastDay('2027-12-17', 15, 'days')).to.equal('2028-01-04');
    });

    it('keeps weekends and the statutory holidays of the 2025 regulation', () => {
      expect(isWorkingDay('2028-01-26')).to.equal(false); // Spring Festival, lunar 1/1
      expect(isWorkingDay('2028-01-25')).to.equal(false); // its eve
      expect(isWorkingDay('2028-01-29')).to.equal(false); // Saturday
      expect(isWorkingDay('2028-01-31')).to.equal(true);
      expect(isWorkingDay('2028-04-04')).to.equal(false); // Qingming
      expect(isWorkingDay('2028-05-02')).to.equal(false); // Labour Day, 2nd day
      expect(isWorkingDay('2028-05-29')).to.equal(false); // Dragon Boat on a Sunday, given back Monday
      expect(isWorkingDay('2028-10-05')).to.equal(false); // Mid-Autumn on 3 October, given back
      expect(isWorkingDay('2028-10-06')).to.equal(true);
    });

    it('derives a schedule whose statutory days agree with the published years', () => {
      for (const year of OFFICIAL_HOLIDAY_YEARS.filter((y) => y >= 2025)) {
        const published = new Set(
          CHINA_HOLIDAY_YEARS.find((y) => y.year === year)!.blocks.flatMap((b) => b.daysOff),
        );
        const derived = deriveHolidayYear(year).blocks.flatMap((b) => b.daysOff);
        // every derived day off that is a weekday is a day off of the notice too
        const weekdaysOff = derived.filter((d) => weekday(d) !== 0 && weekday(d) !== 6);
        expect(
          weekdaysOff.filter((d) => !published.has(d)),
          String(year),
        ).to.deep.equal([]);
      }
    });
  });
});
