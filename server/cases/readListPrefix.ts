import type { Model } from 'mongoose';
import type { CaseDoc } from './caseModel.js';
import type { ListPrefixHints } from './listPrefixHints.js';
import type { CaseListPlan } from './planCaseList.js';

/** A plan whose first pages can be read as a prefix of its order. */
export type PrefixPlan = CaseListPlan & { prefix: NonNullable<CaseListPlan['prefix']> };

/** The key of a list's hint: its filter, order and how many rows its page needs. */
export function prefixShape(plan: PrefixPlan, need: number): string {
  return `${JSON.stringify(plan.filter)}|${plan.prefix.field}:${plan.prefix.dir}|${need}`;
}

/**
 * The bound to remember after a full read of a list (`sorted` in its order): the sort key of the row a
 * quarter of a page past the rows a page needs, so rows that leave the list meanwhile still leave a
 * full page inside the bound; none when the list is too short for a prefix to read less.
 */
export function prefixBoundOf(plan: PrefixPlan, sorted: CaseDoc[], need: number): Date | undefined {
  const at = need + Math.ceil(need / 4) - 1;
  return sorted.length > at ? (sorted[at]![plan.prefix.field] as Date) : undefined;
}

/**
 * The first `need` rows of a list, in its order, and its total (`total`, read alongside: the queue's
 * tally), read up to its remembered bound
 * (`{...filter, filedAt: {$lte: bound}}`, `$gte` newest first): one index range of the list's
 * `{deskQueue, filedAt}` index instead of the whole list. Every row outside the range sorts after every
 * row inside it, so the rows inside are a prefix of the order; when they are fewer than `need` (no
 * bound yet, or cases left the list since) this resolves with `undefined` and the caller reads the whole
 * list. A range far larger than the page (cases arrived inside it) tightens the bound.
 */
export async function readListPrefix(
  Cases: Model<CaseDoc>,
  plan: PrefixPlan,
  fields: Record<string, 1>,
  need: number,
  hints: ListPrefixHints,
  total: () => Promise<number>,
): Promise<{ rows: CaseDoc[]; total: number } | undefined> {
  const shape = prefixShape(plan, need);
  const bound = hints.get(shape);
  if (!bound) return undefined;
  const { field, dir } = plan.prefix;
  const range = { ...plan.filter, [field]: { [dir === 1 ? '$lte' : '$gte']: bound } };
  const [rows, counted] = await Promise.all([Cases.find(range, fields).lean<CaseDoc[]>(), total()]);
  const sorted = rows.filter(plan.matches).sort(plan.compare);
  if (sorted.length < need) return undefined;
  if (sorted.length > 2 * need + 10) hints.set(shape, prefixBoundOf(plan, sorted, need));
  // the tally and the range are two reads: a commit between them cannot make the total less than
  // the rows seen
  return { rows: sorted.slice(0, need), total: Math.max(counted, sorted.length) };
}
