import { useContext, useEffect, useSyncExternalStore } from 'react';
import type { PresenceUser, TypingPush } from '../../../shared/realtime/contract.js';
import { assignmentStore, connectionStore, presenceStore, typingStore } from './liveStores.js';
import { RealtimeContext, type Realtime } from './RealtimeContext.js';

/** The session's socket and feeds, or null when signed out or not yet connected. */
export function useRealtime(): Realtime | null {
  return useContext(RealtimeContext);
}

/** Keeps a case's timeline live while the component is mounted (subscribe, gap fill, resubscribe). */
export function useCaseFeed(caseId: string | undefined, enabled = true): void {
  const realtime = useRealtime();
  useEffect(() => {
    if (!realtime || !caseId || !enabled) return;
    return realtime.feeds.open(caseId);
  }, [realtime, caseId, enabled]);
}

const EMPTY_ONLINE: PresenceUser[] = [];
const EMPTY_TYPING: (TypingPush & { until: number })[] = [];
const EMPTY_IDS: string[] = [];

/** Who is connected on a case now. */
export function usePresence(caseId: string): PresenceUser[] {
  return useSyncExternalStore(presenceStore.subscribe, () => presenceStore.get(caseId) ?? EMPTY_ONLINE);
}

/** Who is typing on a case now. */
export function useTyping(caseId: string): (TypingPush & { until: number })[] {
  return useSyncExternalStore(typingStore.subscribe, () => typingStore.get(caseId) ?? EMPTY_TYPING);
}

/** Case ids of assignments that arrived live in this session. */
export function useRecentAssignments(): string[] {
  return useSyncExternalStore(assignmentStore.subscribe, () => assignmentStore.get('recent') ?? EMPTY_IDS);
}

/** The socket's connection state. */
export function useConnectionState(): 'connected' | 'connecting' | 'offline' {
  return useSyncExternalStore(connectionStore.subscribe, () => connectionStore.get('socket') ?? 'offline');
}
