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
schema.index({ year: 1, n: -1 });

function model(conn: Connection): Model<CaseNumberDoc> {
  return (
    (conn.models.CaseNumber as Model<CaseNumberDoc> | undefined) ??
    conn.model<CaseNumberDoc>('CaseNumber', schema)
  );
}

/**
 * Reserves the next human-readable case number of a year, `SF-2026-000042`. Each number is claimed by
 * inserting it as an `_id`, so two concurrent filings never get the same one (no counters needed).
 */
export async function nextCaseNumber(conn: Connection, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const last = await model(conn).findOne({ year }).sort({ n: -1 }).lean();
  let n = (last?.n ?? 0) + 1;
  for (let attempt = 0; attempt < 100; attempt++, n++) {
    const id = `SF-${year}-${String(n).padStart(6, '0')}`;
    try {
      await model(conn).create({ _id: id, year, n });
      return id;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }
  throw new Error('could not reserve a case number after 100 attempts');
}
