/** A respondent's invitation link (`/api/invitations/:token`): open, register through it, claim it. */
import type {
  CaseInvitationsView,
  InvitationClaimView,
  InvitationView,
} from '../../../shared/api/invitationView.js';
import { apiFetch } from '../api/http.js';
import { sessionStore, type SessionUser } from '../auth/sessionStore.js';

/** What the link's holder may see (sent with the session when there is one). */
export function openInvitation(token: string): Promise<InvitationView> {
  return apiFetch<InvitationView>(`/api/invitations/${encodeURIComponent(token)}`);
}

/** Registers the respondent through the link and signs the new account in; resolves with the case id. */
export async function registerByInvitation(
  token: string,
  input: { name: string; password: string },
): Promise<string> {
  const res = await apiFetch<InvitationClaimView>(`/api/invitations/${encodeURIComponent(token)}/register`, {
    method: 'POST',
    body: input,
    anonymous: true,
  });
  if (!res.token) throw new Error('no session in the registration answer');
  const { user } = await apiFetch<{ user: SessionUser }>('/api/auth/me', {
    anonymous: true,
    headers: { Authorization: `Bearer ${res.token}` },
  });
  sessionStore.set({ token: res.token, expiresAt: res.expiresAt ?? null, user });
  return res.caseId;
}

/** The signed-in respondent claims the case; resolves with its id. */
export async function claimInvitation(token: string): Promise<string> {
  const res = await apiFetch<InvitationClaimView>(`/api/invitations/${encodeURIComponent(token)}/claim`, {
    method: 'POST',
  });
  return res.caseId;
}

/** A case's invitations and the respondent's service (staff). */
export function caseInvitations(caseId: string): Promise<CaseInvitationsView> {
  return apiFetch<CaseInvitationsView>(`/api/cases/${encodeURIComponent(caseId)}/invitations`);
}

/** Sends the respondent a new link (staff); the pending one is void. */
export function resendInvitation(caseId: string, respondent = 0): Promise<CaseInvitationsView> {
  return apiFetch<CaseInvitationsView>(`/api/cases/${encodeURIComponent(caseId)}/invitations`, {
    method: 'POST',
    body: { respondent },
  });
}

/** Changes a respondent's address (0, the first, by default) and sends a link there (staff). */
export function changeRespondentAddress(
  caseId: string,
  email: string,
  respondent = 0,
): Promise<CaseInvitationsView> {
  return apiFetch<CaseInvitationsView>(`/api/cases/${encodeURIComponent(caseId)}/invitations/address`, {
    method: 'POST',
    body: { email, respondent },
  });
}
