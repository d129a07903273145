import { useQueries } from '@tanstack/react-query';
import type { CaseSummaryView, Page } from '../../../shared/api/views.js';
import { apiFetch } from '../api/http.js';
import { queryKeys } from '../api/queryKeys.js';

const STATUSES = ['screening', 'awaitingInfo', 'triage', 'inChannel', 'resolved', 'compliance'] as const;

/** The open cases the desk user may see, by status (oldest filing first: first come, first served). */
export function useDeskCases() {
  const results = useQueries({
    queries: STATUSES.map((status) => {
      const params = { status, limit: 100, sort: 'filedAt' };
      return {
        queryKey: queryKeys.caseList(params),
        queryFn: ({ signal }: { signal: AbortSignal }) =>
          apiFetch<Page<CaseSummaryView>>(`/api/cases?status=${status}&limit=100&sort=filedAt`, { signal }),
      };
    }),
  });
  return {
    isPending: results.some((r) => r.isPending),
    error: results.find((r) => r.isError)?.error ?? null,
    refetch: () => results.forEach((r) => void r.refetch()),
    cases: results.flatMap((r) => r.data?.items ?? []),
  };
}
