import { caseSearchTexts, type SearchableCase } from './caseSearchTexts.js';
import { searchTokens } from './searchTokens.js';

/** The search tokens of a case (what `case_search` stores for it). */
export function caseSearchTokens(c: SearchableCase): string[] {
  return searchTokens(caseSearchTexts(c));
}

/** Whether two projections of a case differ in what search reads (so its tokens must be written again). */
export function searchTextsChanged(before: SearchableCase, after: SearchableCase): boolean {
  const a = caseSearchTexts(before);
  const b = caseSearchTexts(after);
  return a.length !== b.length || a.some((text, i) => text !== b[i]);
}
