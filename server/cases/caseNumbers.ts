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

/**
 * Reserves the next human-readable case number of a year, `SF-2026-000042`, by incrementing the year's
 * counter (`_id` `counter:<year>`) atomically: one lookup by id, however many cases the year has.
 */
export async function nextCaseNumber(conn: Connection, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const Numbers = caseNumberModel(conn);
  for (let attempt = 0; ; attempt++) {
    try {
      const counter = await Numbers.findOneAndUpdate(
        { _id: `counter:${year}` },
        { $inc: { n: 1 }, $setOnInsert: { year } },
        { upsert: true, returnDocument: 'after' },
      ).lean();
      return `SF-${year}-${String(counter?.n ?? 0).padStart(6, '0')}`;
    } catch (err) {
      // two first filings of a year both inserted the counter: the loser increments the winner's
      if (!isDuplicateKeyError(err) || attempt > 0) throw err;
    }
  }
}
