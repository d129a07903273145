import type { CaseListQuery } from '../../../shared/schemas/caseQueries.js';
import type { CaseIntegrityView } from '../../../shared/api/views.js';
/** Case queries and mutations over `/api/cases`. */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Complaint } from '../../../shared/schemas/complaint.js';
import { whenLive } from '../realtime/liveStores.js';
import { mergeEvents } from '../realtime/mergeEvents.js';
import { fileIdempotently } from '../complaints/fileIdempotently.js';
import { apiFetch } from './http.js';
import { queryKeys } from './queryKeys.js';
import type {
  AvailableActionView,
  CaseEventView,
  CaseSummaryView,
  CaseView,
  Page,
  RoutingPreviewView,
} from './types.js';

/** Filters of the case list (`GET /api/cases`): the query the server validates, every part optional. */
export type CaseListParams = Partial<CaseListQuery>;

function toQuery(params: CaseListParams): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== '' && v !== null) qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
}

/**
 * The query of a page of cases (for {@link useCaseList}, and for fetching a screen's list ahead). It
 * is read once the session's socket is live ({@link whenLive}), so no push about it can be missed
 * and it need not be read again when the socket connects.
 */
export function caseListQuery(params: CaseListParams) {
  return queryOptions({
    queryKey: queryKeys.caseList(params as Record<string, unknown>),
    queryFn: async ({ signal }) => {
      await whenLive();
      return apiFetch<Page<CaseSummaryView>>(`/api/cases${toQuery(params)}`, { signal });
    },
  });
}

/** A page of cases the caller may see. */
export function useCaseList(params: CaseListParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...caseListQuery(params),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** One case (404 when it does not exist or the caller may not see it). */
export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.case(id ?? ''),
    queryFn: ({ signal }) => apiFetch<CaseView>(`/api/cases/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: Boolean(id),
  });
}

/**
 * Whether the case's event log still verifies. Checked when the case page opens (and again after a
 * minute): the chain covers the stored history, which live events only extend.
 */
export function useCaseIntegrity(id: string) {
  return useQuery({
    queryKey: queryKeys.caseIntegrity(id),
    queryFn: ({ signal }) =>
      apiFetch<CaseIntegrityView>(`/api/cases/${encodeURIComponent(id)}/integrity`, { signal }),
    staleTime: 60_000,
  });
}

/** Every timeline event of a case the caller may see, oldest first (live updates merge into it). */
export function useCaseEvents(id: string, enabled = true) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: queryKeys.caseEvents(id),
    queryFn: async ({ signal }) => {
      const all: CaseEventView[] = [];
      let after = 0;
      for (;;) {
        const { items } = await apiFetch<{ items: CaseEventView[] }>(
          `/api/cases/${encodeURIComponent(id)}/events?after=${after}&limit=500`,
          { signal },
        );
        all.push(...items);
        const last = items[items.length - 1];
        if (items.length < 500 || !last) break;
        after = last.seq;
      }
      // events pushed while this request was under way are kept
      return mergeEvents(qc.getQueryData<CaseEventView[]>(queryKeys.caseEvents(id)) ?? [], all);
    },
    enabled,
    staleTime: Infinity,
  });
}

/**
 * What the cache holds of a case's actions: the list, and the seq of the case the caller already
 * held when asking (the list reflects at least that seq), so a realtime gap fill of events up to
 * that seq need not ask again.
 */
export interface CaseActionsData {
  seq: number;
  items: AvailableActionView[];
}

/** The actions the caller may take on a case now; `seq` is the seq of the case as the caller holds it. */
export function useCaseActions(id: string, seq: number, enabled = true) {
  return useQuery({
    queryKey: queryKeys.caseActions(id),
    queryFn: ({ signal }): Promise<CaseActionsData> =>
      apiFetch<{ items: AvailableActionView[] }>(`/api/cases/${encodeURIComponent(id)}/actions`, {
        signal,
      }).then((r) => ({ seq, items: r.items })),
    select: selectActionItems,
    enabled,
  });
}

function selectActionItems(data: CaseActionsData): AvailableActionView[] {
  return data.items;
}

/** Sends an action; refreshes the case, its actions and the lists. */
export function useCaseAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { type: string; expectedSeq?: number } & Record<string, unknown>) =>
      apiFetch<CaseView>(`/api/cases/${encodeURIComponent(id)}/actions`, { method: 'POST', body }),
    onSuccess: (updated) => {
      qc.setQueryData(queryKeys.case(id), updated);
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.case(id), exact: true });
      void qc.invalidateQueries({ queryKey: queryKeys.caseActions(id) });
      void qc.invalidateQueries({ queryKey: queryKeys.caseLists });
    },
  });
}

/**
 * Files a complaint (with an idempotency key, so a retried click files once): a 409 while the same
 * key is in flight is waited out and resent, its answer being the one filing.
 */
export function useFileComplaint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ complaint, key }: { complaint: Complaint; key: string }) =>
      fileIdempotently(() =>
        apiFetch<CaseView>('/api/cases', {
          method: 'POST',
          body: complaint,
          headers: { 'Idempotency-Key': key },
        }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.caseLists }),
  });
}

/** Triage, routing and intake checks of a complaint, without filing it. */
export function previewRouting(complaint: Complaint, signal?: AbortSignal): Promise<RoutingPreviewView> {
  return apiFetch<RoutingPreviewView>('/api/routing/preview', { method: 'POST', body: complaint, signal });
}
