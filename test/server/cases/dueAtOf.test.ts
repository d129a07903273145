import { expect } from 'chai';
import { dueAtOf } from '../../../server/cases/dueAtOf.js';

describe('dueAtOf: due dates and whether they are estimates', () => {
  it('uses the published calendar, not an estimate, inside the official years', () => {
    const r = dueAtOf('screeningDecision', '2025-09-22T02:00:00.000Z');
    expect(r).to.deep.equal({ dueAt: new Date('2025-09-28T15:59:59.999Z'), estimated: false });
  });

  it('marks a due date in the provisional year as an estimate', () => {
    // 2026-12-21 (Monday) + 15 days = 2027-01-05, a working day of the provisional 2027 schedule
    const r = dueAtOf('respondentAnswer', '2026-12-21T02:00:00.000Z');
    expect(r).to.deep.equal({ dueAt: new Date('2027-01-05T15:59:59.999Z'), estimated: true });
  });

  it('keeps counting after the data ends: derived holidays, art. 85 extension, month ends', () => {
    // Friday 24 December 2027 + 10 working days: New Year's Day 2028 is a Saturday, given back on
    // Monday 3 January, so the 10th working day is Monday 10 January
    const r = dueAtOf('infoRequest', '2027-12-24T02:00:00.000Z');
    expect(r).to.deep.equal({ dueAt: new Date('2028-01-10T15:59:59.999Z'), estimated: true });
    // 31 August 2027 + 6 months clamps to 29 February 2028 (a Tuesday), not 2 March
    const months = dueAtOf('ordinaryTrial', '2027-08-31T02:00:00.000Z');
    expect(months).to.deep.equal({ dueAt: new Date('2028-02-29T15:59:59.999Z'), estimated: true });
  });

  it('answers a clock run counted before alike, with a Date of its own, and tells extensions apart', () => {
    const first = dueAtOf('mediation', '2026-11-20T03:00:00.000Z');
    first.dueAt.setTime(0); // a caller changing its answer changes nobody else's
    const again = dueAtOf('mediation', '2026-11-20T03:00:00.000Z');
    expect(again.dueAt.getTime()).to.not.equal(0);
    expect(again).to.deep.equal(dueAtOf('mediation', '2026-11-20T03:00:00.000Z'));
    const extended = dueAtOf('mediation', '2027-12-24T02:00:00.000Z', { amount: 5, unit: 'days' });
    expect(extended.dueAt.getTime()).to.be.greaterThan(
      dueAtOf('mediation', '2027-12-24T02:00:00.000Z').dueAt.getTime(),
    );
    expect(() => dueAtOf('mediation', '2027-12-24T02:00:00.000Z', { amount: -1, unit: 'days' })).to.throw(
      RangeError,
    );
  });
});
