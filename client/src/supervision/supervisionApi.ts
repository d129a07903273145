/** The supervision office's queue of public reports (`/api/supervision/reports`). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../api/http.js';
import type {
  ReportStatus,
  SupervisionReportPage,
  SupervisionReportView,
} from '../../../shared/api/supervisionReportView.js';

/** Reports per page of the queue. */
export const REPORTS_PAGE = 20;

/** A page of the queue, every status or one, newest first. */
export function useReports(status: ReportStatus | 'all', page: number) {
  return useQuery({
    queryKey: ['supervisionReports', status, page],
    queryFn: ({ signal }) =>
      apiFetch<SupervisionReportPage>(
        `/api/supervision/reports?page=${page}&limit=${REPORTS_PAGE}${status === 'all' ? '' : `&status=${status}`}`,
        { signal },
      ),
  });
}

/** One report. */
export function useReport(id: string | null) {
  return useQuery({
    queryKey: ['supervisionReport', id],
    queryFn: ({ signal }) =>
      apiFetch<SupervisionReportView>(`/api/supervision/reports/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

/** Acknowledges a report, or marks it handled with a note and the case it concerns. */
export function useReportAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      id: string;
      body: { type: 'acknowledge' } | { type: 'handle'; note: string; caseNo?: string };
    }) =>
      apiFetch<SupervisionReportView>(`/api/supervision/reports/${encodeURIComponent(input.id)}/actions`, {
        method: 'POST',
        body: input.body,
      }),
    onSuccess: (report) => {
      qc.setQueryData(['supervisionReport', report.id], report);
      void qc.invalidateQueries({ queryKey: ['supervisionReports'] });
    },
  });
}
