import { useQueries } from '@tanstack/react-query';
import { deskListQueries } from './deskQueues.js';

/** The open cases the desk user may see, by status (oldest filing first: first come, first served). */
export function useDeskCases() {
  const results = useQueries({ queries: deskListQueries() });
  return {
    isPending: results.some((r) => r.isPending),
    error: results.find((r) => r.isError)?.error ?? null,
    refetch: () => results.forEach((r) => void r.refetch()),
    cases: results.flatMap((r) => r.data?.items ?? []),
  };
}
