/**
 * Small external stores for what pushes tell and queries do not: who is on a case now, who is
 * typing, which assignments just arrived, and whether the socket is connected.
 */
import type { PresencePush, PresenceUser, TypingPush } from '../../../shared/realtime/contract.js';
import { sessionStore } from '../auth/sessionStore.js';

/** A keyed store with change subscription. */
function keyedStore<V>() {
  const values = new Map<string, V>();
  const listeners = new Set<() => void>();
  return {
    get: (key: string): V | undefined => values.get(key),
    set(key: string, value: V | undefined): void {
      if (value === undefined) values.delete(key);
      else values.set(key, value);
      for (const l of listeners) l();
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear(): void {
      values.clear();
      for (const l of listeners) l();
    },
  };
}

/** Who is online on each case. */
export const presenceStore = keyedStore<PresenceUser[]>();

/**
 * Applies a presence change to the list of a case the session follows (the subscribe ack set it;
 * a case not followed is ignored). Joining twice or leaving unseen changes nothing.
 */
export function applyPresence(push: PresencePush): void {
  const current = presenceStore.get(push.caseId);
  if (!current) return;
  const gone = new Set([...push.left, ...push.joined.map((u) => u.id)]);
  presenceStore.set(push.caseId, [...current.filter((u) => !gone.has(u.id)), ...push.joined]);
}

/** Who is typing on each case: a list kept fresh by pushes, entries expire after a few seconds. */
export const typingStore = keyedStore<(TypingPush & { until: number })[]>();

/** Case ids of assignments that arrived live in this session (newest first). */
export const assignmentStore = keyedStore<string[]>();

/**
 * The socket's connection state: `offline` after a failed attempt; none while there is no socket
 * (signed out, or signed in and the socket not made yet).
 */
export const connectionStore = keyedStore<'connected' | 'connecting' | 'offline'>();

let readBeforeLive = false;

/**
 * Resolves when a case list may be read: at once while the session's socket is connected, has
 * failed to connect, or nobody is signed in; otherwise once the socket connects or fails, or after
 * `waitMs`. A list read before the socket joins its rooms could miss the push of a change made
 * meanwhile and must be read again when it connects ({@link takeReadBeforeLive}); lists that wait
 * here are read once.
 */
export function whenLive(waitMs = 2000): Promise<void> {
  const state = connectionStore.get('socket');
  if (state === 'connected' || state === 'offline' || !sessionStore.get()) {
    if (state !== 'connected') readBeforeLive = true;
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const finish = (live: boolean) => {
      window.clearTimeout(timer);
      unsubscribe();
      if (!live) readBeforeLive = true;
      resolve();
    };
    const timer = window.setTimeout(() => finish(false), waitMs);
    const unsubscribe = connectionStore.subscribe(() => {
      const now = connectionStore.get('socket');
      if (now === 'connected') finish(true);
      else if (now === 'offline') finish(false);
    });
  });
}

/** Whether a list was read while the socket was not live, since the last call (which forgets it). */
export function takeReadBeforeLive(): boolean {
  const was = readBeforeLive;
  readBeforeLive = false;
  return was;
}

const TYPING_TTL_MS = 6000;

/** Records a typing push for its case. */
export function noteTyping(push: TypingPush): void {
  const now = Date.now();
  const list = (typingStore.get(push.caseId) ?? []).filter(
    (t) => t.until > now && !(t.user.id === push.user.id && t.visibility === push.visibility),
  );
  if (push.typing) list.push({ ...push, until: now + TYPING_TTL_MS });
  typingStore.set(push.caseId, list);
  if (push.typing) {
    window.setTimeout(() => {
      const current = typingStore.get(push.caseId);
      if (current?.some((t) => t.until <= Date.now())) {
        typingStore.set(
          push.caseId,
          current.filter((t) => t.until > Date.now()),
        );
      }
    }, TYPING_TTL_MS + 50);
  }
}
