import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKeyError } from '../db/duplicateKeyError.js';

interface CaseNumberDoc {
  _id: string;
  year: number;
  n: number;
}

const schema = new Schema<CaseNumberDoc>(
  { _id: String, year: Number, n: Number },
  { versionKey: false, collection: 'case_numbers' },
);

/** The `case_numbers` model on a connection. */
export function caseNumberModel(conn: Connection): Model<CaseNumberDoc> {
  return (
    (conn.models.CaseNumber as Model<CaseNumberDoc> | undefined) ??
    conn.model<CaseNumberDoc>('CaseNumber', schema)
  );
}

/** Years whose counter this process has seen exist (a counter is never deleted). */
const knownYears = new Set<string>();

/**
 * Reserves the next human-readable case number of a year, `SF-2026-000042`, by incrementing the year's
 * counter (`_id` `counter:<year>`) atomically: one lookup by id, however many cases the year has. The
 * counter is created on its own first (once per year and process), and only an existing counter is
 * incremented: concurrent upserts of one missing document can answer without the document on the
 * embedded engine (SecantusDB 0.7.0b3 gave three of four simultaneous first filings no number, and
 * they then collided on `caseNo`).
 */
export async function nextCaseNumber(conn: Connection, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const id = `counter:${year}`;
  const known = `${conn.id}:${id}`;
  const Numbers = caseNumberModel(conn);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (!knownYears.has(known)) {
      try {
        await Numbers.updateOne({ _id: id }, { $setOnInsert: { year, n: 0 } }, { upsert: true });
      } catch (err) {
        // two first filings of a year both inserted the counter: it exists
        if (!isDuplicateKeyError(err)) throw err;
      }
      knownYears.add(known);
    }
    const counter = await Numbers.findOneAndUpdate(
      { _id: id },
      { $inc: { n: 1 } },
      { returnDocument: 'after' },
    ).lean();
    if (counter) return `SF-${year}-${String(counter.n).padStart(6, '0')}`;
    // the counter this process knew is gone (an emptied database): create it again
    knownYears.delete(known);
  }
  throw new Error(`The case number counter of ${year} could not be created.`);
}
