import type { Model } from 'mongoose';
import type { CaseDoc } from './caseModel.js';

const DAY_MS = 24 * 3600 * 1000;
/** The widest window: far enough back to hold every case. */
const MAX_SPAN_MS = 200 * 365 * DAY_MS;

/**
 * The cases most recently updated (or filed), at least `need` of them when there are: read window by
 * window back from `now` by the `{field, _id}` index, widening until the window holds `need` cases
 * (or all `total`). A page of every case then costs the cases of a recent window, not the whole history
 * (the embedded engine reads every index match before it applies a limit). Unordered; the caller sorts.
 */
export async function readRecentCases(
  Cases: Model<CaseDoc>,
  field: 'updatedAt' | 'filedAt',
  need: number,
  total: number,
  fields: Record<string, 1>,
  now: Date,
): Promise<CaseDoc[]> {
  const wanted = Math.min(need, total);
  let span = 7 * DAY_MS;
  for (;;) {
    const since = new Date(now.getTime() - span);
    const rows = await Cases.find({ [field]: { $gte: since } }, fields).lean<CaseDoc[]>();
    if (rows.length >= wanted || span >= MAX_SPAN_MS) return rows;
    // widen by what is still missing, at least fourfold
    span = Math.min(MAX_SPAN_MS, span * Math.max(4, Math.ceil((2 * wanted) / Math.max(rows.length, 1))));
  }
}
