import type { Connection } from 'mongoose';
import type { Socket } from 'socket.io';
import { loadAuthUser } from '../auth/loadAuthUser.js';
import type { TokenService } from '../auth/tokenService.js';

/**
 * Socket.IO middleware: authenticates the handshake's `auth.token` with the same JWT as HTTP. An
 * absent, forged or expired token, or a disabled account, fails the connection (`connect_error`).
 */
export function realtimeAuth(db: Connection, tokens: TokenService) {
  return async (socket: Socket, next: (err?: Error) => void): Promise<void> => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length < 10 || token.length > 4096) {
      next(new Error('unauthorized: sign in first'));
      return;
    }
    try {
      const claims = await tokens.check(token);
      const user = await loadAuthUser(db, claims.sub);
      if (!user) {
        next(new Error('unauthorized: account not found'));
        return;
      }
      socket.data.user = user;
      next();
    } catch (err) {
      next(new Error(`unauthorized: ${(err as Error).message}`));
    }
  };
}
