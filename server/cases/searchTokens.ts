/**
 * Search tokens for text without word breaks (Chinese) as well as with them: every run of letters
 * and digits, normalised (NFKC, lower case), gives its character bigrams, and each Han character
 * also stands alone (so one-character Chinese words are found). A query is turned into the tokens
 * its text must contain: the bigrams of each run, or the run itself when it is one character.
 * Cases store their tokens in an indexed array (`searchTokens`) and a search asks `$all` of them.
 */

const RUN = /[\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;

/** The text as searches compare it: NFKC (full-width letters become ASCII) and lower case. */
export function normaliseSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** The runs of letters and digits of a text, normalised. */
export function searchRuns(text: string): string[] {
  return normaliseSearchText(text).match(RUN) ?? [];
}

/** The distinct tokens of some texts (what a case stores). */
export function searchTokens(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    for (const run of searchRuns(text)) {
      const chars = [...run];
      chars.forEach((c, i) => {
        if (HAN.test(c)) out.add(c);
        const next = chars[i + 1];
        if (next !== undefined) out.add(c + next);
      });
    }
  }
  return [...out];
}

/**
 * The tokens a text that contains `query` must have: each run's bigrams, a one-character run
 * itself when it is a Han character. Empty when the query has nothing searchable (punctuation,
 * a single Latin letter): such a query matches nothing.
 */
export function queryTokens(query: string): string[] {
  const out = new Set<string>();
  for (const run of searchRuns(query)) {
    const chars = [...run];
    if (chars.length === 1) {
      if (HAN.test(run)) out.add(run);
      continue;
    }
    for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  }
  return [...out];
}

/**
 * Whether texts contain the query: every searchable run of the query (of two characters or more,
 * or one Han character) is a substring of one of the texts (normalised). Checks what the tokens
 * only approximate (that the bigrams stand next to one another).
 */
export function textsContain(texts: readonly string[], query: string): boolean {
  const runs = searchRuns(query).filter((r) => [...r].length > 1 || HAN.test(r));
  if (runs.length === 0) return false;
  const haystack = texts.map(normaliseSearchText);
  return runs.every((run) => haystack.some((t) => t.includes(run)));
}
