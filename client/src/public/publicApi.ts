import { apiFetch } from '../api/http.js';

/** `GET /api/public/metrics`. */
export interface PublicMetrics {
  from: string;
  asOf: string;
  minSample: number;
  filed: number;
  closed: number;
  channels: { channel: string; closedOnMerits: number; hidden: boolean; settlementRate: number | null }[];
  tracks: {
    channel: string;
    track: string;
    closed: number;
    hidden: boolean;
    medianDays: number | null;
    p90Days: number | null;
  }[];
}

/** One entry of `GET /api/public/credit`. */
export interface DisclosedEntry {
  name: string;
  partyType: 'enterprise' | 'individual';
  ipType: string;
  rightNumber: string;
  decision: string;
  channel: string | null;
  legalBasisKey: string | null;
  date: string;
  until: string | null;
  status: string;
}

/** The published outcome figures (no token). */
export const fetchPublicMetrics = (signal?: AbortSignal) =>
  apiFetch<PublicMetrics>('/api/public/metrics', { anonymous: true, signal });

/** A page of the credit disclosure (no token). */
export const fetchDisclosure = (page: number, signal?: AbortSignal) =>
  apiFetch<{ items: DisclosedEntry[]; total: number; page: number; limit: number }>(
    `/api/public/credit?page=${page}&limit=20`,
    { anonymous: true, signal },
  );

/** Sends a report to the supervision office (no token). */
export const sendReport = (body: Record<string, unknown>) =>
  apiFetch<{ id: string }>('/api/public/reports', { method: 'POST', body, anonymous: true });
