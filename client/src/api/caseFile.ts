/** The case file (卷宗) of a case as one archive, downloaded with the bearer token. */
import { authHeaders, problemOf } from './http.js';

/** Downloads a case's file (`GET /api/cases/:id/file.zip`) to the user's computer as `<caseNo>.zip`. */
export async function saveCaseFile(caseId: string, caseNo: string): Promise<void> {
  const headers = authHeaders();
  const res = await fetch(`/api/cases/${encodeURIComponent(caseId)}/file.zip`, { headers });
  if (!res.ok) throw await problemOf(res, 'Authorization' in headers);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${caseNo}.zip`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
