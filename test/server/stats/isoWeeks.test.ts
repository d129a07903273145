import { expect } from 'chai';
import { isoWeekOf, isoWeekStart, lastIsoWeeks, weeklyCounts } from '../../../server/stats/isoWeeks.js';

describe('stats: ISO weeks on the Beijing calendar', () => {
  it('labels weeks YYYY-Www, with the ISO year of the week’s Thursday', () => {
    expect(isoWeekOf(new Date('2025-09-22T02:00:00.000Z'))).to.equal('2025-W39');
    // Monday 29 December 2025 belongs to week 1 of 2026; Sunday 3 January 2027 to week 53 of 2026
    expect(isoWeekOf(new Date('2025-12-29T04:00:00.000Z'))).to.equal('2026-W01');
    expect(isoWeekOf(new Date('2027-01-03T04:00:00.000Z'))).to.equal('2026-W53');
    expect(isoWeekOf(new Date('2021-01-03T04:00:00.000Z'))).to.equal('2020-W53');
  });

  it('counts Beijing time: Sunday 23:00 UTC is already Monday in Beijing', () => {
    const sundayNightUtc = new Date('2025-09-21T23:00:00.000Z');
    expect(isoWeekOf(sundayNightUtc)).to.equal('2025-W39');
    expect(isoWeekOf(sundayNightUtc, 0)).to.equal('2025-W38');
  });

  it('starts a week on Monday 00:00 Beijing time', () => {
    expect(isoWeekStart(new Date('2025-09-24T10:00:00.000Z')).toISOString()).to.equal(
      '2025-09-21T16:00:00.000Z',
    );
    expect(isoWeekStart(new Date('2025-09-21T16:00:00.000Z')).toISOString()).to.equal(
      '2025-09-21T16:00:00.000Z',
    );
    expect(isoWeekStart(new Date('2025-09-21T15:59:59.999Z')).toISOString()).to.equal(
      '2025-09-14T16:00:00.000Z',
    );
  });

  it('lists the last weeks oldest first, ending with the current one', () => {
    const weeks = lastIsoWeeks(new Date('2026-01-07T00:00:00.000Z'), 3);
    expect(weeks.map((w) => w.week)).to.deep.equal(['2025-W52', '2026-W01', '2026-W02']);
    expect(weeks[2]?.start.toISOString()).to.equal('2026-01-04T16:00:00.000Z');
    expect(weeks[2]?.end.toISOString()).to.equal('2026-01-11T16:00:00.000Z');
    expect(lastIsoWeeks(new Date('2025-09-24T00:00:00.000Z'), 12)).to.have.length(12);
  });

  it('buckets filings and closings by week and ignores what falls outside', () => {
    const weeks = lastIsoWeeks(new Date('2025-10-01T00:00:00.000Z'), 2); // W39, W40
    const at = (iso: string) => new Date(iso);
    const counts = weeklyCounts(weeks, [
      { filedAt: at('2025-09-22T02:00:00.000Z'), closedAt: at('2025-09-30T02:00:00.000Z') },
      { filedAt: at('2025-09-28T15:59:59.999Z'), closedAt: null }, // Sunday 23:59:59.999 Beijing: W39
      { filedAt: at('2025-09-28T16:00:00.000Z'), closedAt: null }, // Monday 00:00 Beijing: W40
      { filedAt: at('2025-09-01T02:00:00.000Z'), closedAt: at('2025-09-23T02:00:00.000Z') },
    ]);
    expect(counts).to.deep.equal([
      { week: '2025-W39', opened: 2, closed: 1 },
      { week: '2025-W40', opened: 1, closed: 1 },
    ]);
  });
});
