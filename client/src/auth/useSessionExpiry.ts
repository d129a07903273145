import { useEffect } from 'react';
import { sessionStore, type Session } from './sessionStore.js';

/** Ends the session as expired when its token's lifetime runs out (the server would refuse it). */
export function useSessionExpiry(session: Session | null): void {
  const expiresAt = session?.expiresAt;
  useEffect(() => {
    if (!expiresAt) return;
    const ms = Date.parse(expiresAt) - Date.now();
    if (ms > 2 ** 31 - 1) return;
    const timer = window.setTimeout(() => sessionStore.end('expired'), Math.max(0, ms));
    return () => window.clearTimeout(timer);
  }, [expiresAt]);
}
