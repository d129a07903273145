import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { MIN_PASSWORD_SCORE } from './passwordPolicy.js';

/** What the estimator thinks of a new password. */
export interface PasswordVerdict {
  ok: boolean;
  /** zxcvbn's score, 0 (guessed at once) to 4 (very hard to guess). */
  score: number;
  /** Why it is refused and what would help, in English sentences (empty when ok). */
  feedback: string[];
  /**
   * The same advice as stable keys, for a translated screen: `minLength`, `tooEasy`, or zxcvbn's
   * `warnings.<key>` / `suggestions.<key>`.
   */
  reasons: string[];
}

type Translations = typeof en.translations;

/** zxcvbn's messages replaced by their own keys (`warnings.common`), so a verdict names its reasons. */
const KEYS = Object.fromEntries(
  Object.entries(en.translations).map(([section, messages]) => [
    section,
    Object.fromEntries(Object.keys(messages).map((key) => [key, `${section}.${key}`])),
  ]),
) as Translations;

/** The English sentence of a reason key. */
function englishOf(reason: string, minLength: number): string {
  if (reason === 'minLength') return `Use at least ${minLength} characters.`;
  if (reason === 'tooEasy') return 'This password is too easy to guess: add more uncommon words.';
  const [section, key] = reason.split('.') as [keyof Translations, string];
  return (en.translations[section] as Record<string, string> | undefined)?.[key] ?? reason;
}

/** Built on first use: the dictionaries (common passwords from breach lists, English words) are large. */
let estimator: ZxcvbnFactory | undefined;

const estimatorOf = (): ZxcvbnFactory =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: KEYS,
    // the matchers' time grows fast with length (a 200-character pattern takes most of a second):
    // what follows the first 64 characters is not judged, and such a password is long enough anyway
    maxLength: 64,
  }));

/** The words of the account a password must not lean on: the e-mail, its parts, the name. */
const userInputsOf = (account: { email?: string; name?: string }): string[] => {
  const parts = [account.email, account.name].filter((x): x is string => !!x?.trim());
  const words = parts.flatMap((p) => p.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3);
  return [...new Set([...parts.map((p) => p.toLowerCase()), ...words])];
};

/**
 * Checks a new password: at least `minLength` characters (code points) and a zxcvbn score of
 * {@link MIN_PASSWORD_SCORE} or more, judged with the account's e-mail and name as known words.
 * Shared by the server (which decides) and the registration page (which explains first).
 */
export function checkPasswordStrength(
  password: string,
  opts: { minLength: number; email?: string; name?: string },
): PasswordVerdict {
  const length = [...password].length;
  const result = estimatorOf().check(password, userInputsOf(opts));
  const reasons: string[] = [];
  if (length < opts.minLength) reasons.push('minLength');
  if (result.score < MIN_PASSWORD_SCORE) {
    if (result.feedback.warning) reasons.push(result.feedback.warning);
    reasons.push(...result.feedback.suggestions);
    if (reasons.length === 0 || (length < opts.minLength && reasons.length === 1)) reasons.push('tooEasy');
  }
  return {
    ok: reasons.length === 0,
    score: result.score,
    feedback: reasons.map((r) => englishOf(r, opts.minLength)),
    reasons,
  };
}
