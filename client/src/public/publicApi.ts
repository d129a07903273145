import type { PublicMetricsView } from '../../../shared/api/publicMetricsView.js';
import type { DisclosedEntryView } from '../../../shared/api/creditView.js';
import { apiFetch } from '../api/http.js';

/** The published outcome figures (no token). */
export const fetchPublicMetrics = (signal?: AbortSignal) =>
  apiFetch<PublicMetricsView>('/api/public/metrics', { anonymous: true, signal });

/** A page of the credit disclosure (no token). */
export const fetchDisclosure = (page: number, signal?: AbortSignal) =>
  apiFetch<{ items: DisclosedEntryView[]; total: number; page: number; limit: number }>(
    `/api/public/credit?page=${page}&limit=20`,
    { anonymous: true, signal },
  );

/** Sends a report to the supervision office (no token). */
export const sendReport = (body: Record<string, unknown>) =>
  apiFetch<{ id: string }>('/api/public/reports', { method: 'POST', body, anonymous: true });
