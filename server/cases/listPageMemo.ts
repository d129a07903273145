import type { CaseDoc } from './caseModel.js';
import { deepFreeze } from './caseCache.js';

/** How long a kept page is used at most: a write from outside the servers is seen within this. */
export const LIST_PAGE_MAX_AGE_MS = 5_000;

/**
 * The first rows of the lists of watched desk queues (`WATCHED_QUEUES`), per list shape, each kept
 * with the version its queue had when the tallies were read just before the rows: while the queue's
 * version is the same, no case in the queue changed, entered or left it, so the rows are still the
 * list's first rows. The version is read from the database on every request (the tallies the desk
 * reads for its counts anyway), so a commit on any server makes every server read the rows again; a
 * write that bypasses the store (a script, a hand edit) is seen within {@link LIST_PAGE_MAX_AGE_MS}.
 * Kept in memory of this process, the most recently used `size` shapes.
 */
export interface ListPageMemo {
  /** The rows kept for a shape at this version, frozen; `undefined` when none or another version. */
  get(shape: string, version: string): readonly CaseDoc[] | undefined;
  /** Keeps the rows read for a shape at the version read before them (frozen in place). */
  set(shape: string, version: string, rows: CaseDoc[]): void;
}

/** Builds the memo of at most `size` list shapes (0: none, every page is read). */
export function createListPageMemo(size: number, now: () => number = Date.now): ListPageMemo {
  const pages = new Map<string, { version: string; rows: readonly CaseDoc[]; at: number }>();
  return {
    get(shape, version) {
      const page = pages.get(shape);
      if (!page) return undefined;
      if (page.version !== version || now() - page.at > LIST_PAGE_MAX_AGE_MS) {
        pages.delete(shape);
        return undefined;
      }
      // most recently used last, so the oldest is the first to go
      pages.delete(shape);
      pages.set(shape, page);
      return page.rows;
    },
    set(shape, version, rows) {
      pages.delete(shape);
      if (size <= 0) return;
      pages.set(shape, { version, rows: deepFreeze(rows), at: now() });
      while (pages.size > size) pages.delete(pages.keys().next().value as string);
    },
  };
}
