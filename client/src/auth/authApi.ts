/** Sign-in, registration and the current user (`/api/auth/*`). */
import type { TokenView } from '../../../shared/api/sessionView.js';
import { apiFetch } from '../api/http.js';
import { sessionStore, type Session, type SessionUser } from './sessionStore.js';

/** A token as the server issues it (older servers sent no expiry). */
type TokenResponse = Omit<TokenView, 'expiresAt'> & Partial<Pick<TokenView, 'expiresAt'>>;

async function completeSession(res: TokenResponse): Promise<Session> {
  const { user } = await apiFetch<{ user: SessionUser }>('/api/auth/me', {
    anonymous: true,
    headers: { Authorization: `Bearer ${res.token}` },
  });
  const session: Session = {
    token: res.token,
    expiresAt: res.expiresAt ?? null,
    issuedAt: new Date().toISOString(),
    user,
  };
  sessionStore.set(session);
  return session;
}

/** Signs in with e-mail and password; the session is stored on success. */
export async function signIn(email: string, password: string): Promise<Session> {
  const res = await apiFetch<TokenResponse>('/api/auth/login', {
    method: 'POST',
    body: { email, password },
    anonymous: true,
  });
  return completeSession(res);
}

/**
 * Creates a rights-holder account, then signs in with it. The server answers registration the same
 * whether or not the e-mail already had an account, so a taken e-mail shows as a refused sign-in (401).
 */
export async function register(input: { name: string; email: string; password: string }): Promise<Session> {
  await apiFetch<{ detail: string }>('/api/auth/register', {
    method: 'POST',
    body: input,
    anonymous: true,
  });
  return signIn(input.email, input.password);
}

/** Checks the stored token with the server (a 401 ends the session as expired). */
export async function refreshUser(): Promise<void> {
  const { user } = await apiFetch<{ user: SessionUser }>('/api/auth/me');
  sessionStore.updateUser(user);
}

let renewing: Promise<void> | null = null;

/** Renews the session's token while it is in use (one request at a time). */
export function refreshSession(): Promise<void> {
  renewing ??= apiFetch<{ token: string; expiresAt: string }>('/api/auth/refresh', { method: 'POST' })
    .then(({ token, expiresAt }) => sessionStore.renew(token, expiresAt))
    .finally(() => {
      renewing = null;
    });
  return renewing;
}

/** Changes the password; the session goes on with the new token the server gives. */
export async function changePassword(currentPassword: string, password: string): Promise<void> {
  const { token, expiresAt } = await apiFetch<{ token: string; expiresAt: string }>('/api/auth/password', {
    method: 'POST',
    body: { currentPassword, password },
  });
  sessionStore.renew(token, expiresAt);
}

/** Ends every session of the account, this one included. */
export async function signOutEverywhere(): Promise<void> {
  await apiFetch<void>('/api/auth/sign-out-everywhere', { method: 'POST' });
  sessionStore.end('signedOut');
}

/** Asks for a password-reset link by e-mail (the answer is the same for any e-mail). */
export async function requestPasswordReset(email: string): Promise<void> {
  await apiFetch<{ detail: string }>('/api/auth/password-reset', {
    method: 'POST',
    body: { email },
    anonymous: true,
  });
}

/** Sets a new password with a reset link's token. */
export async function confirmPasswordReset(token: string, password: string): Promise<void> {
  await apiFetch<void>('/api/auth/password-reset/confirm', {
    method: 'POST',
    body: { token, password },
    anonymous: true,
  });
}

/** Whom a staff invitation link invites, while it works (else the server's reason, a 422 problem). */
export function checkStaffInvitation(token: string): Promise<{ name: string; email: string }> {
  return apiFetch<{ name: string; email: string }>('/api/staff-invitations/check', {
    method: 'POST',
    body: { token },
    anonymous: true,
  });
}

/** Chooses the password with a staff invitation link (once); the session is stored on success. */
export async function acceptStaffInvitation(token: string, password: string): Promise<Session> {
  const res = await apiFetch<TokenResponse>('/api/staff-invitations/accept', {
    method: 'POST',
    body: { token, password },
    anonymous: true,
  });
  return completeSession(res);
}
