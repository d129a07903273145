import { useQueries } from '@tanstack/react-query';
import { deskCountsQuery, deskListQuery, type DeskQueue } from './deskQueues.js';

/** The desk's two requests: the counts of every queue (tab badges) and the cases of the open queue. */
export function useDeskCases(queue: DeskQueue) {
  const [counts, list] = useQueries({ queries: [deskCountsQuery(), deskListQuery(queue)] });
  return {
    isPending: list.isPending,
    error: list.error ?? counts.error ?? null,
    refetch: () => {
      void counts.refetch();
      void list.refetch();
    },
    cases: list.data?.items ?? [],
    count: (q: DeskQueue) => counts.data?.byQueue[q] ?? 0,
  };
}
