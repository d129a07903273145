/** Generated documents (PDF), the agreement being signed and the case file as a PDF. */
import { useQuery } from '@tanstack/react-query';
import type { AgreementView, DocumentView } from '../../../shared/api/documentView.js';
import { isApiError } from './ApiError.js';
import { apiFetch, authHeaders, problemOf } from './http.js';
import { saveBlob } from './saveBlob.js';

const base = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

/** The documents of a case (refetched when the case moves on: documents follow its events). */
export function useDocuments(caseId: string, seq: number) {
  return useQuery({
    queryKey: ['cases', 'one', caseId, 'documents', seq],
    queryFn: ({ signal }) =>
      apiFetch<{ items: DocumentView[] }>(`${base(caseId)}/documents`, { signal }).then((r) => r.items),
  });
}

/** The current draft agreement, or null when none was proposed (404). */
export function useAgreement(caseId: string, seq: number) {
  return useQuery({
    queryKey: ['cases', 'one', caseId, 'agreement', seq],
    queryFn: async ({ signal }) => {
      try {
        return await apiFetch<AgreementView>(`${base(caseId)}/agreement`, { signal });
      } catch (err) {
        if (isApiError(err, 404)) return null;
        throw err;
      }
    },
  });
}

async function download(path: string, fileName: string): Promise<void> {
  const headers = authHeaders();
  const res = await fetch(path, { headers });
  if (!res.ok) throw await problemOf(res, 'Authorization' in headers);
  saveBlob(await res.blob(), fileName);
}

/** Downloads a generated document (checked against its SHA-256 by the server). */
export function saveDocument(caseId: string, doc: Pick<DocumentView, 'id' | 'name'>): Promise<void> {
  return download(`${base(caseId)}/documents/${encodeURIComponent(doc.id)}/download`, doc.name);
}

/** Downloads the case file as one PDF in `lang`. */
export function saveCaseFilePdf(caseId: string, caseNo: string, lang: 'zh-CN' | 'en'): Promise<void> {
  return download(`${base(caseId)}/file.pdf?lang=${lang}`, `${caseNo}-${lang}.pdf`);
}
