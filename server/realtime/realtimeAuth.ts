import type { Socket } from 'socket.io';
import type { AuthUser, LoadAuthUser } from '../auth/authUser.js';
import type { TokenService } from '../auth/tokenService.js';
import type { SocketQuota } from './socketQuota.js';

/** What a socket carries once authenticated. */
export interface SocketData {
  user: AuthUser;
  /** The handshake's token, checked again on every client event. */
  token: string;
  /** When the token expires (milliseconds since the epoch). */
  expiresAt: number;
  /** The account's session version the token was issued under. */
  sessionVersion: number;
}

/** A `connect_error` with the status of the matching HTTP problem in its `data`. */
function refusal(status: number, message: string): Error {
  return Object.assign(new Error(message), { data: { status, message } });
}

/**
 * Socket.IO middleware: authenticates the handshake's `auth.token` with the same JWT as HTTP. An
 * absent, forged or expired token, or a disabled account, fails the connection (`connect_error`,
 * status 401); a user who already holds `quota`'s ceiling of sockets is refused with status 429.
 * The socket's place in the quota is released when it disconnects or its connection closes.
 */
export function realtimeAuth(loadAuthUser: LoadAuthUser, tokens: TokenService, quota: SocketQuota) {
  return async (socket: Socket, next: (err?: Error) => void): Promise<void> => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length < 10 || token.length > 4096) {
      next(refusal(401, 'unauthorized: sign in first'));
      return;
    }
    let user: AuthUser | undefined;
    let exp: number;
    let sv: number;
    try {
      const claims = await tokens.check(token);
      exp = claims.exp;
      sv = claims.sv;
      user = await loadAuthUser(claims.sub, claims.sv);
    } catch (err) {
      next(refusal(401, `unauthorized: ${(err as Error).message}`));
      return;
    }
    if (!user) {
      next(refusal(401, 'unauthorized: account not found'));
      return;
    }
    if (socket.conn.readyState !== 'open') {
      next(refusal(400, 'the connection closed during the handshake'));
      return;
    }
    const release = quota.acquire(user.id);
    if (!release) {
      next(
        refusal(
          429,
          'too many connections: this account has the most sockets it may open; close a tab or window',
        ),
      );
      return;
    }
    socket.once('disconnect', release);
    socket.conn.once('close', release);
    const data: SocketData = { user, token, expiresAt: exp * 1000, sessionVersion: sv };
    socket.data = data;
    next();
  };
}
