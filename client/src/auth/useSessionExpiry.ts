import { useEffect } from 'react';
import { refreshSession } from './authApi.js';
import { sessionStore, type Session } from './sessionStore.js';

/** Pointer or key activity within this long counts as "in use". */
const ACTIVE_MS = 30 * 60_000;
let lastActivity = Date.now();
for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const) {
  window.addEventListener(type, () => (lastActivity = Date.now()), { passive: true, capture: true });
}

/**
 * Keeps a session in use alive and ends an idle one: once half of the token's lifetime is gone, a
 * session used in the last 30 minutes is renewed (`POST /api/auth/refresh`, a new token of the same
 * session), so someone working for hours is never signed out mid-work; an unused session ends as
 * expired when its token does (the server would refuse it).
 */
export function useSessionExpiry(session: Session | null): void {
  const expiresAt = session?.expiresAt;
  const token = session?.token;
  useEffect(() => {
    if (!expiresAt || !token) return;
    const end = Date.parse(expiresAt);
    const issued = session?.issuedAt ? Date.parse(session.issuedAt) : Date.now();
    const renewAt = issued + Math.max((end - issued) / 2, 0);
    const check = () => {
      const now = Date.now();
      if (now >= end) {
        sessionStore.end('expired');
        return;
      }
      if (now >= renewAt && now - lastActivity < ACTIVE_MS) void refreshSession().catch(() => undefined);
    };
    // often enough to renew within the second half of even the shortest token (60 s)
    const timer = window.setInterval(check, Math.max(1000, Math.min(30_000, (end - issued) / 6)));
    const expiry = end - Date.now();
    const ender =
      expiry < 2 ** 31 - 1
        ? window.setTimeout(() => sessionStore.end('expired'), Math.max(0, expiry))
        : undefined;
    check();
    return () => {
      window.clearInterval(timer);
      if (ender !== undefined) window.clearTimeout(ender);
    };
  }, [expiresAt, token, session?.issuedAt]);
}
