import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/realtime/contract.js';

/** The typed Socket.IO client of Sevenfold. */
export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The session's socket (same origin, `auth: {token}`), not yet connected. */
export function createSocket(token: string): AppSocket {
  return io({ auth: { token }, reconnectionDelayMax: 10_000, autoConnect: false });
}
