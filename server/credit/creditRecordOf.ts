import type { Connection } from 'mongoose';
import type { CreditRecord } from '../../shared/case/triage.js';
import { normalizePartyName } from '../../shared/case/intakeChecks.js';
import { creditEntryModel } from './creditEntryModel.js';

/** The respondent's entries in the credit register, looked up by normalised name. */
export async function creditRecordOf(db: Connection, respondentName: string): Promise<CreditRecord> {
  const entries = await creditEntryModel(db)
    .find({ nameKey: normalizePartyName(respondentName) })
    .sort({ date: -1 })
    .limit(100)
    .lean();
  return {
    entries: entries.map((e) => ({
      name: e.name,
      rightNumber: e.rightNumber,
      decision: e.decision,
      date: e.date,
    })),
  };
}
