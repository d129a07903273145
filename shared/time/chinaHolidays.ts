/**
 * Mainland-China public-holiday calendar (放假调休安排) as data, one entry per covered year.
 *
 * Each block lists every day off (including the weekend days inside the block) and the make-up
 * working days (调休上班: weekend days that are working days). Days not listed follow the ordinary
 * week: Monday to Friday are working days, Saturday and Sunday are not.
 *
 * 2024–2026 are transcribed from the State Council General Office notices. 2027 is provisional:
 * the notice is normally published in November of the preceding year; until then the year is
 * derived from the lunar dates and the scheduling rules in force since the 2024 revision of the
 * national holiday regulation (《全国年节及纪念日放假办法》, effective 2025-01-01).
 */

/** A festival that gives rise to a public-holiday block. */
export type HolidayFestival =
  'newYear' | 'springFestival' | 'qingming' | 'labourDay' | 'dragonBoat' | 'midAutumn' | 'nationalDay';

/** One holiday block of a year: its days off and the make-up working days that pay for it. */
export interface HolidayBlock {
  /** The festivals the block covers (National Day and Mid-Autumn are sometimes merged). */
  readonly festivals: readonly HolidayFestival[];
  /** English name. */
  readonly name: string;
  /** Chinese name as used in the notice. */
  readonly nameZh: string;
  /** Every day off in the block, 'YYYY-MM-DD', ascending. */
  readonly daysOff: readonly string[];
  /** Weekend days that are working days because of this block, 'YYYY-MM-DD'. */
  readonly makeUpWorkdays: readonly string[];
}

/** The holiday schedule of one calendar year. */
export interface HolidayYear {
  readonly year: number;
  /** True when the year is derived, not transcribed from a published notice. */
  readonly provisional: boolean;
  /** The notice (or, for a provisional year, the basis of the derivation). */
  readonly source: string;
  /** Remarks, e.g. why a year is provisional. */
  readonly note?: string;
  readonly blocks: readonly HolidayBlock[];
}

/** The covered years, ascending and contiguous. */
export const CHINA_HOLIDAY_YEARS: readonly HolidayYear[] = [
  {
    year: 2024,
    provisional: false,
    source: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023-10-25）',
    note: 'New Year 2024: 2023-12-30/31 were the adjoining weekend. Spring Festival eve (2024-02-09) was a working day.',
    blocks: [
      {
        festivals: ['newYear'],
        name: "New Year's Day",
        nameZh: '元旦',
        daysOff: ['2024-01-01'],
        makeUpWorkdays: [],
      },
      {
        festivals: ['springFestival'],
        name: 'Spring Festival',
        nameZh: '春节',
        daysOff: [
          '2024-02-10',
          '2024-02-11',
          '2024-02-12',
          '2024-02-13',
          '2024-02-14',
          '2024-02-15',
          '2024-02-16',
          '2024-02-17',
        ],
        makeUpWorkdays: ['2024-02-04', '2024-02-18'],
      },
      {
        festivals: ['qingming'],
        name: 'Qingming Festival',
        nameZh: '清明节',
        daysOff: ['2024-04-04', '2024-04-05', '2024-04-06'],
        makeUpWorkdays: ['2024-04-07'],
      },
      {
        festivals: ['labourDay'],
        name: 'Labour Day',
        nameZh: '劳动节',
        daysOff: ['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05'],
        makeUpWorkdays: ['2024-04-28', '2024-05-11'],
      },
      {
        festivals: ['dragonBoat'],
        name: 'Dragon Boat Festival',
        nameZh: '端午节',
        daysOff: ['2024-06-08', '2024-06-09', '2024-06-10'],
        makeUpWorkdays: [],
      },
      {
        festivals: ['midAutumn'],
        name: 'Mid-Autumn Festival',
        nameZh: '中秋节',
        daysOff: ['2024-09-15', '2024-09-16', '2024-09-17'],
        makeUpWorkdays: ['2024-09-14'],
      },
      {
        festivals: ['nationalDay'],
        name: 'National Day',
        nameZh: '国庆节',
        daysOff: [
          '2024-10-01',
          '2024-10-02',
          '2024-10-03',
          '2024-10-04',
          '2024-10-05',
          '2024-10-06',
          '2024-10-07',
        ],
        makeUpWorkdays: ['2024-09-29', '2024-10-12'],
      },
    ],
  },
  {
    year: 2025,
    provisional: false,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）',
    note: 'First year under the revised regulation: Spring Festival eve and May 2 became statutory holidays (13 days in all).',
    blocks: [
      {
        festivals: ['newYear'],
        name: "New Year's Day",
        nameZh: '元旦',
        daysOff: ['2025-01-01'],
        makeUpWorkdays: [],
      },
      {
        festivals: ['springFestival'],
        name: 'Spring Festival',
        nameZh: '春节',
        daysOff: [
          '2025-01-28',
          '2025-01-29',
          '2025-01-30',
          '2025-01-31',
          '2025-02-01',
          '2025-02-02',
          '2025-02-03',
          '2025-02-04',
        ],
        makeUpWorkdays: ['2025-01-26', '2025-02-08'],
      },
      {
        festivals: ['qingming'],
        name: 'Qingming Festival',
        nameZh: '清明节',
        daysOff: ['2025-04-04', '2025-04-05', '2025-04-06'],
        makeUpWorkdays: [],
      },
      {
        festivals: ['labourDay'],
        name: 'Labour Day',
        nameZh: '劳动节',
        daysOff: ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'],
        makeUpWorkdays: ['2025-04-27'],
      },
      {
        festivals: ['dragonBoat'],
        name: 'Dragon Boat Festival',
        nameZh: '端午节',
        daysOff: ['2025-05-31', '2025-06-01', '2025-06-02'],
        makeUpWorkdays: [],
      },
      {
        festivals: ['nationalDay', 'midAutumn'],
        name: 'National Day and Mid-Autumn Festival',
        nameZh: '国庆节、中秋节',
        daysOff: [
          '2025-10-01',
          '2025-10-02',
          '2025-10-03',
          '2025-10-04',
          '2025-10-05',
          '2025-10-06',
          '2025-10-07',
          '2025-10-08',
        ],
        makeUpWorkdays: ['2025-09-28', '2025-10-11'],
      },
    ],
  },
  {
    year: 2026,
    provisional: false,
    source: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025-11-04）',
    blocks: [
      {
        festivals: ['newYear'],
        name: "New Year's Day",
        nameZh: '元旦',
        daysOff: ['2026-01-01', '2026-01-02', '2026-01-03'],
        makeUpWorkdays: ['2026-01-04'],
      },
      {
        festivals: ['springFestival'],
        name: 'Spring Festival',
        nameZh: '春节',
        daysOff: [
          '2026-02-15',
          '2026-02-16',
          '2026-02-17',
          '2026-02-18',
          '2026-02-19',
          '2026-02-20',
          '2026-02-21',
          '2026-02-22',
          '2026-02-23',
        ],
        makeUpWorkdays: ['2026-02-14', '2026-02-28'],
      },
      {
        festivals: ['qingming'],
        name: 'Qingming Festival',
        nameZh: '清明节',
        daysOff: ['2026-04-04', '2026-04-05', '2026-04-06'],
        makeUpWorkdays: [],
      },
      {
        festivals: ['labourDay'],
        name: 'Labour Day',
        nameZh: '劳动节',
        daysOff: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
        makeUpWorkdays: ['2026-05-09'],
      },
      {
        festivals: ['dragonBoat'],
        name: 'Dragon Boat Festival',
        nameZh: '端午节',
        daysOff: ['2026-06-19', '2026-06-20', '2026-06-21'],
        makeUpWorkdays: [],
      },
      {
        festivals: ['midAutumn'],
        name: 'Mid-Autumn Festival',
        nameZh: '中秋节',
        daysOff: ['2026-09-25', '2026-09-26', '2026-09-27'],
        makeUpWorkdays: [],
      },
      {
        festivals: ['nationalDay'],
        name: 'National Day',
        nameZh: '国庆节',
        daysOff: [
          '2026-10-01',
          '2026-10-02',
          '2026-10-03',
          '2026-10-04',
          '2026-10-05',
          '2026-10-06',
          '2026-10-07',
        ],
        makeUpWorkdays: ['2026-09-20', '2026-10-10'],
      },
    ],
  },
  {
    year: 2027,
    provisional: true,
    source:
      'Derived, not official: 《全国年节及纪念日放假办法》 as revised in November 2024 and the scheduling ' +
      'principles stated in 国办发明电〔2024〕12号 (Spring Festival 8 days from the eve, Labour Day 5 days, ' +
      'National Day 7 days from Oct 1, other festivals 3 days or the day alone when it falls on a Wednesday).',
    note:
      'PROVISIONAL: the State Council notice for 2027 had not been published when this table was written; ' +
      'replace it with the official schedule once published. Lunar dates computed astronomically for ' +
      'UTC+8: Spring Festival eve Fri 2027-02-05 (new moon 2027-02-06 23:56 Beijing time), Qingming ' +
      'Mon 2027-04-05, Dragon Boat Wed 2027-06-09, Mid-Autumn Wed 2027-09-15. Make-up days follow the ' +
      'precedents with the same weekdays (Spring Festival 2017, National Day 2021).',
    blocks: [
      {
        festivals: ['newYear'],
        name: "New Year's Day",
        nameZh: '元旦',
        daysOff: ['2027-01-01', '2027-01-02', '2027-01-03'],
        makeUpWorkdays: [],
      },
      {
        festivals: ['springFestival'],
        name: 'Spring Festival',
        nameZh: '春节',
        daysOff: [
          '2027-02-05',
          '2027-02-06',
          '2027-02-07',
          '2027-02-08',
          '2027-02-09',
          '2027-02-10',
          '2027-02-11',
          '2027-02-12',
        ],
        makeUpWorkdays: ['2027-01-31', '2027-02-13'],
      },
      {
        festivals: ['qingming'],
        name: 'Qingming Festival',
        nameZh: '清明节',
        daysOff: ['2027-04-03', '2027-04-04', '2027-04-05'],
        makeUpWorkdays: [],
      },
      {
        festivals: ['labourDay'],
        name: 'Labour Day',
        nameZh: '劳动节',
        daysOff: ['2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-05-05'],
        makeUpWorkdays: ['2027-05-08'],
      },
      {
        festivals: ['dragonBoat'],
        name: 'Dragon Boat Festival',
        nameZh: '端午节',
        daysOff: ['2027-06-09'],
        makeUpWorkdays: [],
      },
      {
        festivals: ['midAutumn'],
        name: 'Mid-Autumn Festival',
        nameZh: '中秋节',
        daysOff: ['2027-09-15'],
        makeUpWorkdays: [],
      },
      {
        festivals: ['nationalDay'],
        name: 'National Day',
        nameZh: '国庆节',
        daysOff: [
          '2027-10-01',
          '2027-10-02',
          '2027-10-03',
          '2027-10-04',
          '2027-10-05',
          '2027-10-06',
          '2027-10-07',
        ],
        makeUpWorkdays: ['2027-09-26', '2027-10-09'],
      },
    ],
  },
];

/** Years transcribed from a published State Council notice. */
export const OFFICIAL_HOLIDAY_YEARS: readonly number[] = CHINA_HOLIDAY_YEARS.filter(
  (y) => !y.provisional,
).map((y) => y.year);

/** Years derived from the rules because no notice was published yet; replace when it is. */
export const PROVISIONAL_HOLIDAY_YEARS: readonly number[] = CHINA_HOLIDAY_YEARS.filter(
  (y) => y.provisional,
).map((y) => y.year);

/** First calendar year the holiday data covers. */
export const FIRST_HOLIDAY_YEAR: number = CHINA_HOLIDAY_YEARS[0]?.year ?? 0;

/** Last calendar year the holiday data covers. */
export const LAST_HOLIDAY_YEAR: number = CHINA_HOLIDAY_YEARS[CHINA_HOLIDAY_YEARS.length - 1]?.year ?? 0;

/** Whether `year`'s schedule is provisional (derived); false for official and for uncovered years. */
export function isProvisionalHolidayYear(year: number): boolean {
  return PROVISIONAL_HOLIDAY_YEARS.includes(year);
}
