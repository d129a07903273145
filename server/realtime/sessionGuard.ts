import type { Connection } from 'mongoose';
import type { AckError } from '../../shared/realtime/contract.js';
import type { TokenService } from '../auth/tokenService.js';
import { userModel } from '../users/userModel.js';
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

const UNAUTHORIZED = (detail: string): AckError => ({ status: 401, title: 'Unauthorized', detail });

/** Longest delay `setTimeout` keeps (about 24.8 days); tokens live far shorter. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Builds the guard: every client event checks the token (signature and expiry) and reads the
 * account's `active` flag by its id (the primary key, one small read, no cache, so disabling an
 * account takes effect on the next event everywhere).
 */
export function createSessionGuard(db: Connection, tokens: TokenService): SessionGuard {
  const Users = userModel(db);
  return {
    async check(socket) {
      try {
        await tokens.check(socket.data.token);
      } catch (err) {
        return UNAUTHORIZED(`${(err as Error).message} Sign in again.`);
      }
      const user = await Users.findById(socket.data.user.id, { active: 1 }).lean();
      if (!user?.active) return UNAUTHORIZED('This account no longer exists or is disabled.');
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
