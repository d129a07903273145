import { expect } from 'chai';
import { daysBetween, median, percentile, roundTo } from '../../../server/stats/distribution.js';

describe('stats: median and percentiles', () => {
  it('has no median or percentile of nothing', () => {
    expect(median([])).to.equal(null);
    expect(percentile([], 90)).to.equal(null);
  });

  it('takes the middle value, or the mean of the two middle values, whatever the input order', () => {
    expect(median([7])).to.equal(7);
    expect(median([9, 1, 5])).to.equal(5);
    expect(median([4, 1, 3, 2])).to.equal(2.5);
  });

  it('interpolates percentiles between the closest ranks', () => {
    const oneToTen = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(percentile(oneToTen, 0)).to.equal(1);
    expect(percentile(oneToTen, 100)).to.equal(10);
    expect(percentile(oneToTen, 90)).to.be.closeTo(9.1, 1e-9);
    expect(percentile([2, 4], 90)).to.be.closeTo(3.8, 1e-9);
    expect(percentile([3], 90)).to.equal(3);
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).to.deep.equal([3, 1, 2]);
  });

  it('refuses percentiles outside 0–100 and values that are not finite', () => {
    expect(() => percentile([1], 101)).to.throw(RangeError);
    expect(() => percentile([1], -1)).to.throw(RangeError);
    expect(() => percentile([1, Number.NaN], 50)).to.throw(RangeError);
  });

  it('measures fractional days and rounds', () => {
    const from = new Date('2025-09-22T02:00:00.000Z');
    expect(daysBetween(from, new Date('2025-09-25T14:00:00.000Z'))).to.equal(3.5);
    expect(roundTo(3.14159, 2)).to.equal(3.14);
    expect(roundTo(null, 2)).to.equal(null);
  });
});
