import type { CaseDoc } from './caseModel.js';
import type { CaseFoldState } from './projectCase.js';

/**
 * A per-process cache of case projections for the writers of this process: the projection each
 * commit left (or a load read), so an action need not read its case again. An entry is never trusted
 * on its own: the commit that follows it inserts `<caseId>:<seq + 1>`, which fails (a duplicate key)
 * when any writer, in this process or another, appended after the cached seq; the store then drops
 * the entry, reads the case and tries again. Reads shown to users never come from here.
 */
export interface CaseCache {
  /** The cached projection, if any, frozen (the most recently used are kept). */
  get(caseId: string): CaseDoc | undefined;
  /** The fold state the cached projection was computed from, when the commit that left it gave it. */
  stateOf(caseId: string): CaseFoldState | undefined;
  /** The seq of the cached projection, if any. */
  seqOf(caseId: string): number | undefined;
  /**
   * Keeps a projection as stored at its seq (never over a later seq of the same case), deep-frozen
   * in place: the store hands the same object to its callers, and no one may change what the cache
   * holds (a change throws instead of corrupting the next action's case).
   */
  put(doc: CaseDoc, state?: CaseFoldState): void;
  /**
   * Freezes a projection that {@link CaseCache.put} will be given once its commit is through (what
   * `put` would do then), so the store can do it while the commit is on its way.
   */
  prepare(doc: CaseDoc): void;
  /** Forgets a case (a projection replaced); with `upToSeq`, only when cached at that seq or before. */
  evict(caseId: string, upToSeq?: number): void;
}

/** Freezes a plain JSON-like value and everything in it (dates included), in place. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

/** Builds a cache of at most `size` cases (0: nothing is cached). */
export function createCaseCache(size: number): CaseCache {
  const entries = new Map<string, CaseDoc>();
  // the fold state beside a projection (not frozen: a machine snapshot refers to the machine itself)
  const states = new WeakMap<CaseDoc, CaseFoldState>();
  return {
    get(caseId) {
      const doc = entries.get(caseId);
      if (!doc) return undefined;
      // most recently used last, so the oldest is the first to go
      entries.delete(caseId);
      entries.set(caseId, doc);
      return doc;
    },
    stateOf(caseId) {
      const doc = entries.get(caseId);
      return doc ? states.get(doc) : undefined;
    },
    seqOf(caseId) {
      return entries.get(caseId)?.seq;
    },
    put(doc, state) {
      if (size <= 0) return;
      const held = entries.get(doc._id);
      if (held && held.seq > doc.seq) return;
      entries.delete(doc._id);
      entries.set(doc._id, deepFreeze(doc));
      if (state?.seq === doc.seq) states.set(doc, state);
      while (entries.size > size) entries.delete(entries.keys().next().value as string);
    },
    prepare(doc) {
      if (size > 0) deepFreeze(doc);
    },
    evict(caseId, upToSeq) {
      const held = entries.get(caseId);
      if (held && (upToSeq === undefined || held.seq <= upToSeq)) entries.delete(caseId);
    },
  };
}
