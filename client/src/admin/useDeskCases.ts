import { useInfiniteQuery } from '@tanstack/react-query';
import { deskQuery, type DeskQueue } from './deskQueues.js';

/**
 * The desk's queue, page after page, with the counts of every queue from the latest answer (one
 * request per page: the counts ride along).
 */
export function useDeskCases(queue: DeskQueue) {
  const desk = useInfiniteQuery(deskQuery(queue));
  const pages = desk.data?.pages ?? [];
  const latest = pages[pages.length - 1];
  // a case may move between pages while they load: keep its first appearance
  const seen = new Set<string>();
  const cases = pages
    .flatMap((p) => p.cases.items)
    .filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
  return {
    isPending: desk.isPending,
    error: desk.error ?? null,
    refetch: () => void desk.refetch(),
    cases,
    /** How many cases the open queue has in all. */
    total: latest?.cases.total ?? 0,
    hasMore: desk.hasNextPage,
    loadingMore: desk.isFetchingNextPage,
    loadMore: () => void desk.fetchNextPage(),
    count: (q: DeskQueue) => latest?.counts.byQueue[q] ?? 0,
  };
}
