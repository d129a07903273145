import type { CaseDoc } from './caseModel.js';

/**
 * A per-process cache of case projections for the writers of this process: the projection each
 * commit left (or a load read), so an action need not read its case again. An entry is never trusted
 * on its own: the commit that follows it inserts `<caseId>:<seq + 1>`, which fails (a duplicate key)
 * when any writer, in this process or another, appended after the cached seq; the store then drops
 * the entry, reads the case and tries again. Reads shown to users never come from here.
 */
export interface CaseCache {
  /** A copy of the cached projection, if any (the most recently used are kept). */
  get(caseId: string): CaseDoc | undefined;
  /** The seq of the cached projection, if any. */
  seqOf(caseId: string): number | undefined;
  /** Keeps a copy of a projection as stored at its seq (never over a later seq of the same case). */
  put(doc: CaseDoc): void;
  /** Forgets a case (a projection replaced); with `upToSeq`, only when cached at that seq or before. */
  evict(caseId: string, upToSeq?: number): void;
}

/** Builds a cache of at most `size` cases (0: nothing is cached). */
export function createCaseCache(size: number): CaseCache {
  const entries = new Map<string, CaseDoc>();
  return {
    get(caseId) {
      const doc = entries.get(caseId);
      if (!doc) return undefined;
      // most recently used last, so the oldest is the first to go
      entries.delete(caseId);
      entries.set(caseId, doc);
      return structuredClone(doc);
    },
    seqOf(caseId) {
      return entries.get(caseId)?.seq;
    },
    put(doc) {
      if (size <= 0) return;
      const held = entries.get(doc._id);
      if (held && held.seq > doc.seq) return;
      entries.delete(doc._id);
      entries.set(doc._id, structuredClone(doc));
      while (entries.size > size) entries.delete(entries.keys().next().value as string);
    },
    evict(caseId, upToSeq) {
      const held = entries.get(caseId);
      if (held && (upToSeq === undefined || held.seq <= upToSeq)) entries.delete(caseId);
    },
  };
}
