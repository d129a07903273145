/** Evidence of a case: list, upload with progress (XHR), download as a blob. */
import { useQuery } from '@tanstack/react-query';
import { apiFetch, authHeaders, problemOf } from './http.js';
import { ApiError } from './ApiError.js';
import { queryKeys } from './queryKeys.js';
import type { EvidenceView } from './types.js';

/** The evidence of a case. */
export function useEvidence(caseId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.caseEvidence(caseId),
    queryFn: ({ signal }) =>
      apiFetch<{ items: EvidenceView[] }>(`/api/cases/${encodeURIComponent(caseId)}/evidence`, {
        signal,
      }).then((r) => r.items),
    enabled,
  });
}

/** Uploads one file; `onProgress` gets 0–1. Resolves with the recorded evidence (SHA-256 included). */
export function uploadEvidence(
  caseId: string,
  file: File,
  description: string,
  onProgress: (fraction: number) => void,
): { promise: Promise<EvidenceView>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<EvidenceView>((resolve, reject) => {
    xhr.open('POST', `/api/cases/${encodeURIComponent(caseId)}/evidence`);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'Network error', 'The upload did not reach the server.'));
    xhr.onabort = () => reject(new ApiError(0, 'Aborted', 'The upload was cancelled.'));
    xhr.onload = () => {
      const res = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'application/json' },
      });
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        void res.json().then((body: EvidenceView) => resolve(body), reject);
      } else {
        void problemOf(res, true).then(reject);
      }
    };
    const form = new FormData();
    if (description) form.append('description', description);
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** Downloads an evidence file with the bearer token, as a blob. */
export async function fetchEvidenceBlob(caseId: string, evidenceId: string): Promise<Blob> {
  const headers = authHeaders();
  const res = await fetch(
    `/api/cases/${encodeURIComponent(caseId)}/evidence/${encodeURIComponent(evidenceId)}/download`,
    { headers },
  );
  if (!res.ok) throw await problemOf(res, 'Authorization' in headers);
  return res.blob();
}
