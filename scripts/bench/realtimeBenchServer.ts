/**
 * The server side of the realtime benchmark, in its own process so its CPU time and memory are its
 * own: the real app and realtime layer on the embedded engine, plus a bare Socket.IO server (the
 * floor). Driven by the parent over IPC.
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Server } from 'socket.io';
import { createCaseEngine } from '../../server/cases/createCaseEngine.js';
import { loadConfig } from '../../server/config/loadConfig.js';
import { connectDatabase } from '../../server/db/connectDatabase.js';
import { startEmbeddedFerretDb } from '../../server/db/startEmbeddedFerretDb.js';
import { seedDemoDirectory } from '../../server/demo/seedDemoDirectory.js';
import { createApp, createServices } from '../../server/http/createApp.js';
import { createRealtime } from '../../server/realtime/createRealtime.js';

const logger = pino({ level: 'silent' });
const dir = mkdtempSync(join(tmpdir(), 'sevenfold-rtbench-'));
const external = process.env.MONGODB_URI;
const engineDb = external ? undefined : await startEmbeddedFerretDb({ dataDir: dir, logger });
const db = await connectDatabase(engineDb ? engineDb.uri : external!, `sf_rtbench_${Date.now()}`);
await seedDemoDirectory(db);
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00',
});
const engine = createCaseEngine({ db, logger });
const deps = { config, logger, db, jwtSecret: config.jwtSecret!, engine };
const services = createServices(deps);
const http = createServer(createApp(deps, services));
await createRealtime(http, { db, logger, services, engine, eventsPerSecond: 1000 });
await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));

// the floor: a bare Socket.IO server that emits to every client when asked over HTTP
const bareHttp = createServer((req, res) => {
  bare.emit('ping', { at: Date.now() });
  res.end('ok');
});
const bare = new Server(bareHttp, { serveClient: false });
await new Promise<void>((r) => bareHttp.listen(0, '127.0.0.1', r));

const port = (s: typeof http) => (s.address() as { port: number }).port;
process.send?.({
  kind: 'ready',
  url: `http://127.0.0.1:${port(http)}`,
  bareUrl: `http://127.0.0.1:${port(bareHttp)}`,
});
process.on('message', (msg: { kind: string }) => {
  if (msg.kind === 'stats') {
    global.gc?.();
    const cpu = process.cpuUsage();
    process.send?.({ kind: 'stats', rss: process.memoryUsage().rss, cpuMs: (cpu.user + cpu.system) / 1000 });
  } else if (msg.kind === 'stop') {
    void (async () => {
      bare.close();
      http.closeAllConnections();
      await db.dropDatabase().catch(() => undefined);
      await db.close();
      await engineDb?.stop();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    })();
  }
});
