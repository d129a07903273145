/** Administration of organisations and staff, and the audit log (`/api/orgs`, `/api/users`, `/api/audit`). */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditPage } from '../../../shared/api/auditView.js';
import type { OrgView } from '../../../shared/api/orgView.js';
import type { AccountView } from '../../../shared/api/userView.js';
import { apiFetch } from './http.js';

/** Filters of the audit screen. */
export interface AuditFilters {
  caseId?: string;
  actorId?: string;
  kind?: string;
  from?: string;
  to?: string;
}

const keys = {
  orgs: ['admin', 'orgs'] as const,
  staff: (orgId: string) => ['admin', 'staff', orgId] as const,
  audit: (filters: AuditFilters) => ['admin', 'audit', filters] as const,
  accessLog: (caseId: string) => ['admin', 'accessLog', caseId] as const,
};

/** The organisations the user administers (an admin: all; an officer: their own). */
export function useAdminOrgs(enabled = true) {
  return useQuery({
    queryKey: keys.orgs,
    queryFn: ({ signal }) => apiFetch<{ items: OrgView[] }>('/api/orgs', { signal }).then((r) => r.items),
    enabled,
  });
}

/** Creates (no `id` yet in the list) or changes an organisation. */
export function useSaveOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { create: boolean; id: string; body: Record<string, unknown> }) =>
      input.create
        ? apiFetch<OrgView>('/api/orgs', { method: 'POST', body: { id: input.id, ...input.body } })
        : apiFetch<OrgView>(`/api/orgs/${encodeURIComponent(input.id)}`, {
            method: 'PATCH',
            body: input.body,
          }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['admin'] }),
  });
}

/** The accounts of one organisation, inactive ones too. */
export function useStaff(orgId: string | null) {
  return useQuery({
    queryKey: keys.staff(orgId ?? ''),
    queryFn: ({ signal }) =>
      apiFetch<{ items: AccountView[] }>(
        `/api/users?orgId=${encodeURIComponent(orgId ?? '')}&includeInactive=true`,
        { signal },
      ).then((r) => r.items),
    enabled: Boolean(orgId),
  });
}

/** Sends an invited account a new invitation mail (its earlier link stops working). */
export function useResendInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<AccountView>(`/api/users/${encodeURIComponent(id)}/invitation`, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['admin'] }),
  });
}

/** Creates an account (with its initial password, or invited by e-mail) or changes one. */
export function useSaveStaff() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string | null; body: Record<string, unknown> }) =>
      input.id
        ? apiFetch<AccountView>(`/api/users/${encodeURIComponent(input.id)}`, {
            method: 'PATCH',
            body: input.body,
          })
        : apiFetch<AccountView>('/api/users', { method: 'POST', body: input.body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['admin'] }),
  });
}

function auditQueryString(filters: AuditFilters, before: string | null, limit: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  if (before) params.set('before', before);
  params.set('limit', String(limit));
  return params.toString();
}

/** The audit log, page after page (newest first). */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: keys.audit(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<AuditPage>(`/api/audit?${auditQueryString(filters, pageParam, 50)}`, { signal }),
    getNextPageParam: (last) => last.next,
  });
}

/** Who opened a case and downloaded its files, page after page. */
export function useCaseAccessLog(caseId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: keys.accessLog(caseId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<AuditPage>(
        `/api/cases/${encodeURIComponent(caseId)}/access-log?${auditQueryString({}, pageParam, 50)}`,
        { signal },
      ),
    getNextPageParam: (last) => last.next,
    enabled,
  });
}
