/**
 * The server side of the HTTP and realtime benchmarks, in its own process so its CPU time and memory
 * are its own: the real app and realtime layer on the embedded engine, plus the floors measured
 * beside it — a bare Socket.IO server, a bare node:http JSON server, and bare driver writes.
 * Driven by the parent over IPC.
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
import { prepareDatabase } from '../../server/db/prepareDatabase.js';
import { startEmbeddedDatabase } from '../../server/db/startEmbeddedDatabase.js';
import { seedDemoDirectory } from '../../server/demo/seedDemoDirectory.js';
import { createApp, createServices } from '../../server/http/createApp.js';
import { createRealtime } from '../../server/realtime/createRealtime.js';

const logger = pino({ level: process.env.BENCH_SERVER_LOG_LEVEL ?? 'silent' }, pino.destination(2));
const dir = mkdtempSync(join(tmpdir(), 'sevenfold-rtbench-'));
const external = process.env.MONGODB_URI;
const engineDb = external ? undefined : await startEmbeddedDatabase({ dataDir: dir, logger });
const db = await connectDatabase(engineDb ? engineDb.uri : external!, `sf_rtbench_${Date.now()}`);
await prepareDatabase(db);
await seedDemoDirectory(db);
// the benchmarks open many mediation cases: no mediator may run out of capacity
await db.collection('users').updateMany({ role: 'mediator' }, { $set: { capacity: 1_000_000 } });
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

// the floor of an Express JSON route: the same JSON from bare node:http
const plainHttp = createServer((_req, res) => {
  const body = JSON.stringify({ status: 'ok' });
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
});
await new Promise<void>((r) => plainHttp.listen(0, '127.0.0.1', r));

const port = (s: typeof http) => (s.address() as { port: number }).port;
process.send?.({
  kind: 'ready',
  url: `http://127.0.0.1:${port(http)}`,
  bareUrl: `http://127.0.0.1:${port(bareHttp)}`,
  plainUrl: `http://127.0.0.1:${port(plainHttp)}`,
});

/** Bare driver insert + update of an event-sized and a projection-sized document, back to back. */
async function driverFloor(ms: number): Promise<number[]> {
  const events = db.collection('bench_floor_events');
  const cases = db.collection('bench_floor_cases');
  const sample = await db.collection('cases').findOne({});
  const { _id: _ignored, ...projection } = sample ?? { _id: null, seq: 0 };
  await cases.updateOne({ _id: 'floor' as never }, { $set: projection }, { upsert: true });
  const latencies: number[] = [];
  const end = Date.now() + ms;
  for (let n = 0; Date.now() < end; n++) {
    const t0 = performance.now();
    await events.insertOne({
      _id: `floor:${process.pid}:${n}:${Date.now()}` as never,
      caseId: 'floor',
      seq: n,
      type: 'RECORD_SESSION',
      data: { notes: 'x' },
      hash: 'f'.repeat(64),
      prevHash: 'e'.repeat(64),
    });
    await cases.updateOne({ _id: 'floor' as never }, { $set: { seq: n, updatedAt: new Date() } });
    latencies.push(performance.now() - t0);
  }
  return latencies;
}

/** Inserts synthetic case projections (for list-query scaling), copying a real one. */
async function addCases(count: number, templateId?: string): Promise<number> {
  const template = await db.collection('cases').findOne(templateId ? { _id: templateId as never } : {});
  if (!template) throw new Error('no case to copy');
  const statuses = ['screening', 'triage', 'inChannel', 'inChannel', 'inChannel', 'resolved', 'closed'];
  const channels = ['mediation', 'administrative', 'judicial', 'arbitration', 'legalServices'];
  const orgs = ['org-zgc-mediation', 'org-pc-zgc', 'org-bj-ipcourt', 'org-bac', 'org-haidian-aid'];
  const base = await db.collection('cases').countDocuments();
  for (let i = 0; i < count; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - i) }, (_, j) => {
      const n = base + i + j;
      const k = n % channels.length;
      return {
        ...template,
        _id: `bench-${n}` as never,
        caseNo: `SF-2099-${String(n).padStart(7, '0')}`,
        title: `Benchmark case ${n} ${n % 13 === 0 ? 'lamp' : 'tea'}`,
        status: statuses[n % statuses.length],
        channel: channels[k],
        orgId: orgs[k],
        participantIds: [`u-bench-${n % 500}`],
        updatedAt: new Date(Date.now() - n * 1000),
        filedAt: new Date(Date.now() - n * 2000),
      };
    });
    await db.collection('cases').insertMany(batch, { ordered: false });
    if ((i / 1000) % 10 === 9) process.stdout.write(`  ${base + i + batch.length} cases\n`);
  }
  return db.collection('cases').countDocuments();
}

process.on('message', (msg: { kind: string; ms?: number; count?: number; templateId?: string }) => {
  if (msg.kind === 'floor') {
    void driverFloor(msg.ms ?? 3000).then((latencies) => process.send?.({ kind: 'floor', latencies }));
    return;
  }
  if (msg.kind === 'addCases') {
    void addCases(msg.count ?? 0, msg.templateId).then((total) =>
      process.send?.({ kind: 'addCases', total }),
    );
    return;
  }
  if (msg.kind === 'stats') {
    global.gc?.();
    const cpu = process.cpuUsage();
    process.send?.({ kind: 'stats', rss: process.memoryUsage().rss, cpuMs: (cpu.user + cpu.system) / 1000 });
  } else if (msg.kind === 'stop') {
    void (async () => {
      bare.close();
      plainHttp.close();
      http.closeAllConnections();
      await db.dropDatabase().catch(() => undefined);
      await db.close();
      await engineDb?.stop();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    })();
  }
});
