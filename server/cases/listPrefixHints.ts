/**
 * Bounds remembered for the first pages of case lists, per list shape (filter, sort and how many rows
 * a page needs): the sort key a little past the page's last row when the list was last read in full.
 * Only a hint: a list read up to a bound is used only when it holds the whole page (a prefix of the
 * order is always right), so a wrong or stale bound costs one more read, never a wrong page. Kept in
 * memory of this process, the most recently used {@link size} shapes.
 */
export interface ListPrefixHints {
  /** The bound of a list shape, if one is known. */
  get(shape: string): Date | undefined;
  /** Remembers the bound of a shape; `undefined` forgets it (the list is too short to gain). */
  set(shape: string, bound: Date | undefined): void;
}

/** Builds the hints, at most `size` list shapes (0: none kept, every list is read in full). */
export function createListPrefixHints(size: number): ListPrefixHints {
  const bounds = new Map<string, Date>();
  return {
    get(shape) {
      const bound = bounds.get(shape);
      if (bound === undefined) return undefined;
      // most recently used last, so the oldest is the first to go
      bounds.delete(shape);
      bounds.set(shape, bound);
      return bound;
    },
    set(shape, bound) {
      bounds.delete(shape);
      if (bound === undefined || size <= 0) return;
      bounds.set(shape, bound);
      while (bounds.size > size) bounds.delete(bounds.keys().next().value as string);
    },
  };
}
