import { expect } from 'chai';
import { fastTrackDueAt, fastTrackFigures } from '../../../server/stats/fastTrackFigures.js';
import { resolutionFigures } from '../../../server/stats/resolutionFigures.js';
import { parseStatsDate } from '../../../server/stats/statsQuery.js';

const at = (iso: string) => new Date(iso);

describe('stats: figures from case rows', () => {
  it('groups resolutions by channel and track in vocabulary order, leaving unrouted cases out', () => {
    const filed = at('2025-09-01T00:00:00.000Z');
    const after = (days: number) => new Date(filed.getTime() + days * 86_400_000);
    const rows = resolutionFigures([
      { channel: 'mediation', track: 'simple', filedAt: filed, resolvedAt: after(1) },
      { channel: 'administrative', track: 'ordinary', filedAt: filed, resolvedAt: after(30) },
      { channel: 'administrative', track: 'fast', filedAt: filed, resolvedAt: after(2) },
      { channel: 'mediation', track: 'simple', filedAt: filed, resolvedAt: after(2) },
      { channel: 'mediation', track: 'simple', filedAt: filed, resolvedAt: after(1 / 3) },
      { channel: null, track: 'simple', filedAt: filed, resolvedAt: after(5) },
    ]);
    expect(rows).to.deep.equal([
      { channel: 'administrative', track: 'fast', resolved: 1, medianDays: 2, p90Days: 2 },
      { channel: 'administrative', track: 'ordinary', resolved: 1, medianDays: 30, p90Days: 30 },
      { channel: 'mediation', track: 'simple', resolved: 3, medianDays: 1, p90Days: 1.8 },
    ]);
    expect(resolutionFigures([])).to.deep.equal([]);
  });

  it('puts the fast-track target at the end of the 10th working day after filing', () => {
    // Monday 22 September 2025: the make-up days 28 September and 11 October count, 1–8 October do not
    expect(fastTrackDueAt(at('2025-09-22T02:00:00.000Z'))?.toISOString()).to.equal(
      '2025-10-11T15:59:59.999Z',
    );
    expect(fastTrackDueAt(at('1999-01-04T02:00:00.000Z'))).to.equal(null); // outside the calendar
  });

  it('counts late determinations and overdue open cases as breaches, not undecided closed ones', () => {
    const filed = at('2025-09-22T02:00:00.000Z');
    const figures = fastTrackFigures(
      [
        { filedAt: filed, decidedAt: at('2025-09-24T02:00:00.000Z'), closed: true },
        { filedAt: filed, decidedAt: at('2025-10-12T02:00:00.000Z'), closed: false },
        { filedAt: filed, decidedAt: null, closed: false },
        { filedAt: filed, decidedAt: null, closed: true },
      ],
      at('2025-10-20T00:00:00.000Z'),
    );
    expect(figures).to.deep.equal({ medianDaysToDecision: 11, targetWorkingDays: 10, breaches: 2 });
    const early = fastTrackFigures([{ filedAt: filed, decidedAt: null, closed: false }], filed);
    expect(early).to.deep.equal({ medianDaysToDecision: null, targetWorkingDays: 10, breaches: 0 });
  });

  it('reads range bounds as Beijing dates or instants with an offset, the upper bound inclusive', () => {
    expect(parseStatsDate('2025-09-23', 'from')?.toISOString()).to.equal('2025-09-22T16:00:00.000Z');
    expect(parseStatsDate('2025-09-23', 'to')?.toISOString()).to.equal('2025-09-23T16:00:00.000Z');
    expect(parseStatsDate('2025-09-23T10:00:00+08:00', 'from')?.toISOString()).to.equal(
      '2025-09-23T02:00:00.000Z',
    );
    expect(parseStatsDate('2025-09-23T02:00:00.000Z', 'to')?.toISOString()).to.equal(
      '2025-09-23T02:00:00.001Z',
    );
    for (const bad of ['2025-02-29', '2025-13-01', '2025-09-23T10:00:00', 'next week', '{"$gt":""}']) {
      expect(parseStatsDate(bad, 'from'), bad).to.equal(null);
    }
  });
});
