/** The case file (卷宗) of a case as one archive, downloaded with the bearer token. */
import { authHeaders, problemOf } from './http.js';
import { saveBlob } from './saveBlob.js';

/** Downloads a case's file (`GET /api/cases/:id/file.zip`) to the user's computer as `<caseNo>.zip`. */
export async function saveCaseFile(caseId: string, caseNo: string): Promise<void> {
  const headers = authHeaders();
  const res = await fetch(`/api/cases/${encodeURIComponent(caseId)}/file.zip`, { headers });
  if (!res.ok) throw await problemOf(res, 'Authorization' in headers);
  saveBlob(await res.blob(), `${caseNo}.zip`);
}
