import { LRUCache } from 'lru-cache';
import type { Connection } from 'mongoose';
import type { LoadAuthUser } from '../auth/authUser.js';
import { authUserOf, isAuthUserId, readAuthRow, type AuthRow } from './loadAuthUser.js';

/**
 * How long an account is kept at most: the bound on what a write from outside the servers (a script,
 * a hand edit in the database) can leave unseen. Every change made through Sevenfold is seen at once.
 */
export const ACCOUNT_MAX_AGE_MS = 5000;

/** Which accounts to forget: one account's id, or every account (`'*'`: an organisation changed). */
export type ForgetTarget = string;

/**
 * The accounts of signed-in users, kept in memory between their requests: the read each request and
 * socket made (the account with its organisation's type) is made once per {@link ACCOUNT_MAX_AGE_MS} at
 * most. A change made through Sevenfold is seen at once: the server that makes it forgets the account
 * before it answers (`forget`), and tells the other servers (`onForget` → the realtime layer relays it
 * through the Socket.IO adapter → `forgetFromPeer`). A read that began before a change does not enter the
 * cache. Change streams were tried first and dropped: the embedded engine wakes every change stream on
 * every write to any collection (docs/database.md, "Account cache").
 */
export interface AccountCache {
  /** `loadAuthUser`, from memory when the account is held, else read. */
  load: LoadAuthUser;
  /** Forgets one account, or every account with `'*'` (this server changed it), and tells the listeners. */
  forget(target: ForgetTarget): void;
  /** Forgets as `forget` does, for a change another server made (the listeners are not told). */
  forgetFromPeer(target: ForgetTarget): void;
  /** Calls `listener` with each `forget` of this server (to tell the others); returns the unsubscribe. */
  onForget(listener: (target: ForgetTarget) => void): () => void;
  /** How many accounts are held. */
  readonly size: number;
}

/** Builds the account cache on a connection; `size` 0 keeps nothing (every request reads). */
export function createAccountCache(deps: { db: Connection; size: number; maxAgeMs?: number }): AccountCache {
  const rows =
    deps.size > 0
      ? new LRUCache<string, AuthRow>({ max: deps.size, ttl: deps.maxAgeMs ?? ACCOUNT_MAX_AGE_MS })
      : undefined;
  // raised by every forget: a read that began before one does not put what it read into memory
  let generation = 0;
  const listeners = new Set<(target: ForgetTarget) => void>();

  const drop = (target: ForgetTarget) => {
    generation++;
    if (target === '*') rows?.clear();
    else rows?.delete(target);
  };

  return {
    async load(userId, sessionVersion) {
      if (!isAuthUserId(userId)) return undefined;
      const held = rows?.get(userId);
      if (held) return authUserOf(held, sessionVersion);
      const began = generation;
      const row = await readAuthRow(deps.db, userId);
      if (row && began === generation) rows?.set(userId, row);
      return authUserOf(row, sessionVersion);
    },
    forget(target) {
      drop(target);
      for (const listener of listeners) listener(target);
    },
    forgetFromPeer: drop,
    onForget(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get size() {
      return rows?.size ?? 0;
    },
  };
}
