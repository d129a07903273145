import { expect } from 'chai';
import { dueAtOf } from '../../../server/cases/dueAtOf.js';

describe('dueAtOf: due dates beyond the holiday data', () => {
  it('uses the calendar inside the covered years', () => {
    const r = dueAtOf('screeningDecision', '2025-09-22T02:00:00.000Z');
    expect(r).to.deep.equal({ dueAt: new Date('2025-09-28T15:59:59.999Z'), approximate: false });
  });

  it('falls back to weekdays (no holidays) after the data ends, flagged approximate', () => {
    // Friday 24 December 2027 + 10 weekdays → Friday 7 January 2028, end of day in Beijing
    const r = dueAtOf('infoRequest', '2027-12-24T02:00:00.000Z');
    expect(r).to.deep.equal({ dueAt: new Date('2028-01-07T15:59:59.999Z'), approximate: true });
    const months = dueAtOf('ordinaryTrial', '2027-11-15T02:00:00.000Z');
    expect(months.approximate).to.equal(true);
    expect(months.dueAt.toISOString()).to.equal('2028-05-15T15:59:59.999Z');
  });
});
