import type { Connection } from 'mongoose';
import { normalizePartyName } from '../../shared/case/intakeChecks.js';
import { creditEntryModel, type CreditEntryDoc } from './creditEntryModel.js';

/** Most entries one search returns. */
export const CREDIT_SEARCH_LIMIT = 100;

/** The public credit register: respondents found infringing. */
export interface CreditService {
  /**
   * Entries whose normalised name equals that of `name` (`normalizePartyName`), and, when `name` has
   * at least 2 characters, entries whose name contains it (case-insensitive); newest first.
   */
  search(name: string): Promise<CreditEntryDoc[]>;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds the credit register service. */
export function createCreditService(db: Connection): CreditService {
  const Credit = creditEntryModel(db);
  return {
    async search(name) {
      const anyOf: Record<string, unknown>[] = [];
      const key = normalizePartyName(name);
      if (key) anyOf.push({ nameKey: key });
      if ([...name].length >= 2) anyOf.push({ name: { $regex: escapeRegex(name), $options: 'i' } });
      if (anyOf.length === 0) return [];
      return Credit.find({ $or: anyOf })
        .sort({ date: -1, _id: 1 })
        .limit(CREDIT_SEARCH_LIMIT)
        .lean<CreditEntryDoc[]>();
    },
  };
}
