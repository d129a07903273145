import { useSyncExternalStore } from 'react';
import { sessionStore, type EndReason, type Session } from './sessionStore.js';

/** The current session, or null when signed out; re-renders on sign-in, sign-out and expiry. */
export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

/** Why the last session ended, for the sign-in page. */
export function useEndReason(): EndReason {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.endReason);
}
