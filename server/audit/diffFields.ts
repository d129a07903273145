/** The fields of `after` that differ from `before`, as the before and after values of each. */
export function diffFields<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const f of fields) {
    if (JSON.stringify(before[f] ?? null) === JSON.stringify(after[f] ?? null)) continue;
    was[f] = before[f] ?? null;
    now[f] = after[f] ?? null;
  }
  return { before: was, after: now };
}
