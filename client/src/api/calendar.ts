/** Calendar invitations of scheduled sessions, downloaded with the bearer token. */
import { authHeaders, problemOf } from './http.js';

/** Downloads the .ics invitation of the session scheduled by event `seq` of a case. */
export async function saveSessionInvite(caseId: string, seq: number, lang: string): Promise<void> {
  const headers = authHeaders();
  const res = await fetch(
    `/api/cases/${encodeURIComponent(caseId)}/events/${seq}/calendar.ics?lang=${lang.startsWith('zh') ? 'zh-CN' : 'en'}`,
    { headers },
  );
  if (!res.ok) throw await problemOf(res, 'Authorization' in headers);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `session-${seq}.ics`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
