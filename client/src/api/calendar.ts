/** Calendar invitations of scheduled sessions, downloaded with the bearer token. */
import { authHeaders, problemOf } from './http.js';
import { saveBlob } from './saveBlob.js';

/** Downloads the .ics invitation of the session or hearing scheduled by event `seq` of a case, as `fileName`. */
export async function saveSessionInvite(
  caseId: string,
  seq: number,
  lang: string,
  fileName: string,
): Promise<void> {
  const headers = authHeaders();
  const res = await fetch(
    `/api/cases/${encodeURIComponent(caseId)}/events/${seq}/calendar.ics?lang=${lang.startsWith('zh') ? 'zh-CN' : 'en'}`,
    { headers },
  );
  if (!res.ok) throw await problemOf(res, 'Authorization' in headers);
  saveBlob(await res.blob(), fileName);
}
