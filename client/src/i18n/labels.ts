/** Labels that come from `shared/` tables rather than the translation files. */
import { CLOCKS } from '../../../shared/time/clocks.js';
import type { ClockId } from '../../../shared/time/clockIds.js';
import type { Reason } from '../../../shared/intake/reason.js';
import { reasonsZh } from './reasonsZh.js';

/** Whether a language tag is Chinese. */
export function isZh(lang: string): boolean {
  return lang.toLowerCase().startsWith('zh');
}

/** The label of a clock in the UI language. */
export function clockLabel(clock: string, lang: string): string {
  const def = CLOCKS[clock as ClockId] as (typeof CLOCKS)[ClockId] | undefined;
  if (!def) return clock;
  return isZh(lang) ? def.labelZh : def.label;
}

/** The last segment of a dotted stage path (`inChannel.mediation.inSession.negotiating` → `negotiating`). */
export function stageLeaf(stage: string): string {
  const parts = stage.split('.').filter((p) => p !== 'choose');
  return parts[parts.length - 1] ?? stage;
}

// thousands groups only: a comma after a number (“CNY 200,000, is…”) is the sentence's, not the number's
const NUMBER = /CNY -?\d+(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?%|\d+(?:,\d{3})*(?:\.\d+)?/g;

function zhNumber(token: string): string {
  return token.startsWith('CNY ') ? `¥${token.slice(4)}` : token;
}

/**
 * A triage, routing or intake reason in the UI language. English uses the server's sentence;
 * Chinese uses the sentence of its code, filled with the numbers of the English one, and falls back
 * to the English sentence for a code it does not know.
 */
export function reasonText(reason: Reason, lang: string): string {
  if (!isZh(lang)) return reason.text;
  const template = reasonsZh[reason.code];
  if (!template) return reason.text;
  const numbers = (reason.text.match(NUMBER) ?? []).map(zhNumber);
  let missing = false;
  const text = template.replace(/\{\{n(\d+)\}\}/g, (_m, i: string) => {
    const value = numbers[Number(i)];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? reason.text : text;
}
