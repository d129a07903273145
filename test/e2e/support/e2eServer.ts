import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'mongoose';
import { listen, type ListeningServer } from '../../support/listen.js';
import { buildTestApp, type TestApp } from '../../support/testApp.js';
import { testLogger } from '../../support/testEnvironment.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The real server for the browser: the app (which serves `client/dist`), realtime when present. */
export interface E2eServer extends TestApp {
  url: string;
  /** Whether the Socket.IO layer is attached (live updates). */
  live: boolean;
  close(): Promise<void>;
}

interface RealtimeModule {
  createRealtime(
    httpServer: Server,
    deps: {
      db: Connection;
      logger: typeof testLogger;
      services: TestApp['services'];
      engine: TestApp['engine'];
    },
  ): Promise<{ close(): Promise<void> }>;
}

/**
 * Builds the app over a test database, attaches the realtime layer if `server/realtime/createRealtime.ts`
 * exists, and listens on a free loopback port.
 */
export async function startE2eServer(db: Connection): Promise<E2eServer> {
  const built = buildTestApp(db);
  const listening: ListeningServer = await listen(built.app);
  let realtime: { close(): Promise<void> } | undefined;
  const realtimeFile = join(root, 'server', 'realtime', 'createRealtime.ts');
  if (existsSync(realtimeFile)) {
    const mod = (await import(pathToFileURL(realtimeFile).href)) as RealtimeModule;
    realtime = await mod.createRealtime(listening.server, {
      db,
      logger: testLogger,
      services: built.services,
      engine: built.engine,
    });
  }
  built.services.mailSender.start();
  return {
    ...built,
    url: listening.url,
    live: realtime !== undefined,
    async close() {
      await built.services.mailSender.stop();
      await realtime?.close();
      await listening.close();
    },
  };
}
