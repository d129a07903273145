import { createServer, type Server } from 'node:http';
import type { Connection } from 'mongoose';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/realtime/contract.js';
import type { Config } from '../../server/config/loadConfig.js';
import { createRealtime, type Realtime } from '../../server/realtime/createRealtime.js';
import { buildTestApp, type TestApp } from './testApp.js';
import { testLogger } from './testEnvironment.js';

/** A listening app with its realtime layer. */
export interface TestServer extends TestApp {
  server: Server;
  url: string;
  realtime: Realtime;
  /** A Socket.IO client for a token (not yet connected unless `autoConnect`). */
  socket(token: string, opts?: { autoConnect?: boolean }): ClientSocket;
  close(): Promise<void>;
}

/** A typed Socket.IO client of the Sevenfold contract. */
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Builds the real app and realtime layer over a test database and listens on a free port; `config`
 * replaces the test configuration (say `testConfig({REALTIME_MAX_SOCKETS_PER_USER: '3'})`);
 * `subscribeEventsMax` caps the events of one `case:subscribe` answer.
 */
export async function startTestServer(
  db: Connection,
  opts: { redisUrl?: string; config?: Config; subscribeEventsMax?: number } = {},
): Promise<TestServer> {
  const built = buildTestApp(db, opts.config ? { config: opts.config } : {});
  const server = createServer(built.app);
  const realtime = await createRealtime(server, {
    db,
    logger: testLogger,
    services: built.services,
    engine: built.engine,
    redisUrl: opts.redisUrl,
    maxSocketsPerUser: built.deps.config.realtimeMaxSocketsPerUser,
    presenceDebounceMs: built.deps.config.realtimePresenceDebounceMs,
    ...(opts.subscribeEventsMax ? { subscribeEventsMax: opts.subscribeEventsMax } : {}),
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  built.services.mailSender.start();
  const addr = server.address();
  if (!addr || typeof addr !== 'object') throw new Error('no address');
  const url = `http://127.0.0.1:${addr.port}`;
  const sockets: ClientSocket[] = [];
  return {
    ...built,
    server,
    url,
    realtime,
    socket(token, o = {}) {
      const s: ClientSocket = connect(url, {
        auth: { token },
        transports: ['websocket'],
        autoConnect: o.autoConnect ?? true,
        reconnection: false,
        forceNew: true,
      });
      sockets.push(s);
      return s;
    },
    async close() {
      for (const s of sockets) s.disconnect();
      server.closeAllConnections();
      await realtime.close();
      await built.services.mailSender.stop();
    },
  };
}

/** Resolves when the socket connects; rejects with the connect_error message. */
export function connected(socket: ClientSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) {
      resolve();
      return;
    }
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
}
