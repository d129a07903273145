import { isDeepStrictEqual } from 'node:util';

/** A MongoDB update document made of `$set`, `$unset` and `$push` (omitted when empty). */
export interface ProjectionUpdate {
  $set?: Record<string, unknown>;
  $unset?: Record<string, ''>;
  $push?: Record<string, { $each: unknown[] }>;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** A key that can stand in a dotted update path. */
const isPathSafe = (key: string) => key !== '' && !key.includes('.') && !key.startsWith('$');

/**
 * Deep equality where a missing key and an `undefined` value are the same (as once stored). One object
 * is the same as itself: a projection reuses its filing's objects (complaint, triage), so those are not
 * walked. Runs on every key of a projection at each commit, so it walks keys without copying them.
 */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    // two different primitives (or one missing): only NaN equals NaN
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    for (const k of Object.keys(a)) if (!same(a[k], b[k])) return false;
    for (const k of Object.keys(b)) if (b[k] !== undefined && !Object.hasOwn(a, k)) return false;
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return isDeepStrictEqual(a, b);
}

/**
 * The update that turns the stored document `before` into `after`, writing only what changed: nested
 * plain objects are compared key by key (dotted paths), an array that only grew gets `$push` of its new
 * items, anything else that differs is `$set` whole, and keys gone (or `undefined`) are `$unset`. Keys
 * listed in `keep` are left alone (bookkeeping fields the projection does not compute).
 */
export function projectionUpdate(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  keep: readonly string[] = [],
): ProjectionUpdate {
  const set: Record<string, unknown> = {};
  const unset: Record<string, ''> = {};
  const push: Record<string, { $each: unknown[] }> = {};

  const walk = (b: Record<string, unknown>, a: Record<string, unknown>, prefix: string) => {
    for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
      if (!prefix && keep.includes(key)) continue;
      const path = prefix + key;
      const was = b[key];
      const now = a[key];
      if (same(was, now)) continue;
      if (now === undefined) unset[path] = '';
      else if (isPlainObject(was) && isPlainObject(now) && Object.keys({ ...was, ...now }).every(isPathSafe))
        walk(was, now, `${path}.`);
      else if (
        Array.isArray(was) &&
        Array.isArray(now) &&
        now.length > was.length &&
        was.every((v, i) => same(v, now[i]))
      )
        push[path] = { $each: now.slice(was.length) };
      else set[path] = now;
    }
  };
  walk(before, after, '');

  return {
    ...(Object.keys(set).length ? { $set: set } : {}),
    ...(Object.keys(unset).length ? { $unset: unset } : {}),
    ...(Object.keys(push).length ? { $push: push } : {}),
  };
}
