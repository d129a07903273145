/** The staff directory, statistics and the credit register. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from './http.js';
import { queryKeys } from './queryKeys.js';
import type { CaseStatsView, CreditEntryView, UserView, OrgView } from './types.js';

/** Accounts of one role (staff only: officers may list mediators, arbitrators, investigators). */
export function useUsers(role: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.users(role),
    queryFn: ({ signal }) =>
      apiFetch<{ items: UserView[] }>(`/api/users?role=${encodeURIComponent(role)}`, { signal }).then(
        (r) => r.items,
      ),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The other organisations of the same type as one (staff handing a case over within its channel). */
export function useOrgsLike(orgId: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: ['orgs', 'sameTypeAs', orgId ?? ''] as const,
    queryFn: ({ signal }) =>
      apiFetch<{ items: OrgView[] }>(`/api/orgs?sameTypeAs=${encodeURIComponent(orgId ?? '')}`, {
        signal,
      }).then((r) => r.items),
    enabled: enabled && Boolean(orgId),
    staleTime: 5 * 60_000,
  });
}

/** The query of the dashboard figures (for {@link useStats}, and for fetching them ahead). */
export function statsQuery() {
  return queryOptions({
    queryKey: queryKeys.stats,
    queryFn: ({ signal }) => apiFetch<CaseStatsView>('/api/stats', { signal }),
  });
}

/** Dashboard figures of the caller's scope (admin: all; officer: their organisation). */
export function useStats(enabled = true) {
  return useQuery({ ...statsQuery(), enabled });
}

/** Credit-register entries of a party name. */
export function useCredit(name: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.credit(name),
    queryFn: ({ signal }) =>
      apiFetch<{ items: CreditEntryView[] }>(`/api/credit?name=${encodeURIComponent(name)}`, { signal }).then(
        (r) => r.items,
      ),
    enabled: enabled && name.length > 0,
    staleTime: 60_000,
  });
}
