import { userById } from '../users/userLookups.js';
import type { Connection } from 'mongoose';
import type { AckError } from '../../shared/realtime/contract.js';
import type { TokenService } from '../auth/tokenService.js';
import type { SocketData } from './realtimeAuth.js';

/** The part of a server-side socket the guard needs. */
interface GuardedSocket {
  data: SocketData;
  disconnect(close?: boolean): unknown;
  once(event: 'disconnect', listener: () => void): unknown;
}

/** Keeps a socket's session as valid as an HTTP request's. */
export interface SessionGuard {
  /** Checks the socket's token and account again: undefined when valid, else the 401 to answer. */
  check(socket: GuardedSocket): Promise<AckError | undefined>;
  /** Disconnects the socket when its token expires (the timer ends with the socket). */
  expireOnTime(socket: GuardedSocket): void;
}

const UNAUTHORIZED = (detail: string): AckError => ({
  status: 401,
  title: 'Unauthorized',
  detail,
  code: 'sessionEnded',
});

/** Longest delay `setTimeout` keeps (about 24.8 days); tokens live far shorter. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Builds the guard: every client event checks the token (signature and expiry) and reads the
 * account's `active` flag and session version by its id (the primary key, one small read). Nothing is cached, so
 * disabling an account takes effect on the next event everywhere; checks of one account that arrive
 * while its read is in flight share that read (a burst from many sockets of one account costs one).
 */
export function createSessionGuard(db: Connection, tokens: TokenService): SessionGuard {
  const inFlight = new Map<string, Promise<{ active: boolean; sessionVersion: number }>>();
  const accountOf = (userId: string) => {
    let read = inFlight.get(userId);
    if (!read) {
      read = userById(db, userId, { active: 1, sessionVersion: 1 })
        .then((user) => ({ active: Boolean(user?.active), sessionVersion: user?.sessionVersion ?? 0 }))
        .finally(() => inFlight.delete(userId));
      inFlight.set(userId, read);
    }
    return read;
  };
  return {
    async check(socket) {
      try {
        await tokens.check(socket.data.token);
      } catch (err) {
        return UNAUTHORIZED(`${(err as Error).message} Sign in again.`);
      }
      const account = await accountOf(socket.data.user.id);
      if (!account.active) return UNAUTHORIZED('This account no longer exists or is disabled.');
      if (account.sessionVersion !== socket.data.sessionVersion)
        return UNAUTHORIZED('This session was ended (signed out everywhere). Sign in again.');
      return undefined;
    },
    expireOnTime(socket) {
      const delay = Math.min(Math.max(socket.data.expiresAt - Date.now(), 0), MAX_DELAY_MS);
      const timer = setTimeout(() => socket.disconnect(true), delay);
      timer.unref();
      socket.once('disconnect', () => clearTimeout(timer));
    },
  };
}
