import type { CaseSearchDoc } from './caseSearchModel.js';
import { caseSearchTexts, type SearchableCase } from './caseSearchTexts.js';
import { searchTokens } from './searchTokens.js';

/** The search tokens of a case (what `case_search` stores for it). */
export function caseSearchTokens(c: SearchableCase): string[] {
  return searchTokens(caseSearchTexts(c));
}

/** A case's `case_search` document but its id: its search tokens and intake's lookup keys. */
export function caseSearchFields(
  c: SearchableCase & { complainantId: string; filedAt: Date; rightNumbers: string[] },
): Omit<CaseSearchDoc, '_id'> {
  return {
    tokens: caseSearchTokens(c),
    complainantId: c.complainantId,
    filedAt: c.filedAt,
    rightNumbers: c.rightNumbers,
  };
}

/** Whether two projections of a case differ in what search reads (so its tokens must be written again). */
export function searchTextsChanged(before: SearchableCase, after: SearchableCase): boolean {
  const a = caseSearchTexts(before);
  const b = caseSearchTexts(after);
  return a.length !== b.length || a.some((text, i) => text !== b[i]);
}
