import type { CaseSearchDoc } from './caseSearchModel.js';
import { caseSearchTexts, type SearchableCase } from './caseSearchTexts.js';
import { searchTokens } from './searchTokens.js';

/** The search tokens of a case (what `case_search` stores for it). */
export function caseSearchTokens(c: SearchableCase): string[] {
  return searchTokens(caseSearchTexts(c));
}

/** What a case's `case_search` document is computed from. */
export type SearchSource = SearchableCase & {
  complainantId: string;
  filedAt: Date;
  rightNumbers: string[];
  open: boolean;
};

/** A case's `case_search` document but its id: its search tokens and intake's lookup keys. */
export function caseSearchFields(c: SearchSource): Omit<CaseSearchDoc, '_id'> {
  return {
    tokens: caseSearchTokens(c),
    complainantId: c.complainantId,
    filedAt: c.filedAt,
    rightNumbers: c.rightNumbers,
    open: c.open,
  };
}

/**
 * Whether two projections of a case differ in what `case_search` keeps (so it must be written again):
 * the texts search reads, or whether the case is open (a close, or a reopening).
 */
export function searchFieldsChanged(before: SearchSource, after: SearchSource): boolean {
  if (before.open !== after.open) return true;
  const a = caseSearchTexts(before);
  const b = caseSearchTexts(after);
  return a.length !== b.length || a.some((text, i) => text !== b[i]);
}
