/**
 * The server side of the HTTP and realtime benchmarks, in its own process so its CPU time and memory
 * are its own: the real app and realtime layer on the embedded engine, plus the floors measured
 * beside it — a bare Socket.IO server, a bare node:http JSON server, the engine's one-commit floor and the
 * same change on collections indexed like Sevenfold's.
 * Driven by the parent over IPC.
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Server } from 'socket.io';
import { caseModel, type CaseDoc } from '../../server/cases/caseModel.js';
import { caseEventModel } from '../../server/cases/caseEventModel.js';
import { caseSearchFields } from '../../server/cases/caseSearchTokens.js';
import { recountTallies } from '../../server/cases/caseTallies.js';
import { loadConfig } from '../../server/config/loadConfig.js';
import { connectDatabase } from '../../server/db/connectDatabase.js';
import { prepareDatabase } from '../../server/compose/prepareDatabase.js';
import { startEmbeddedDatabase } from '../../server/db/startEmbeddedDatabase.js';
import { seedDemoDirectory } from '../../server/demo/seedDemoDirectory.js';
import { composeSevenfold } from '../../server/compose/composeSevenfold.js';
import { createRealtime } from '../../server/realtime/createRealtime.js';
import { syntheticCase } from './syntheticCases.js';
import { recordSessionWrites } from './recordSessionWrites.js';
import type { Collection, Document } from 'mongodb';

const logger = pino({ level: process.env.BENCH_SERVER_LOG_LEVEL ?? 'silent' }, pino.destination(2));
const dir = mkdtempSync(join(tmpdir(), 'sevenfold-rtbench-'));
const external = process.env.MONGODB_URI;
const engineDb = external ? undefined : await startEmbeddedDatabase({ dataDir: dir, logger });
const db = await connectDatabase(engineDb ? engineDb.uri : external!, `sf_rtbench_${Date.now()}`, {
  monitorCommands: true,
});
/** Database commands sent since counting began, by command name (null: not counting). */
let commands: Map<string, number> | null = null;
db.getClient().on('commandStarted', (e: { commandName: string }) => {
  if (commands) commands.set(e.commandName, (commands.get(e.commandName) ?? 0) + 1);
});
await prepareDatabase(db);
await seedDemoDirectory(db);
// the benchmarks open many mediation cases: no mediator may run out of capacity
await db.collection('users').updateMany({ role: 'mediator' }, { $set: { capacity: 1_000_000 } });
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00',
  // the fan-out benchmark holds 1,000 sockets of one account, the presence storm 100 of each of 10
  REALTIME_MAX_SOCKETS_PER_USER: '1000',
  // the soak registers hundreds of rights holders from this one address
  REGISTER_PER_IP_PER_HOUR: '1000000',
  // the benchmarks measure throughput: a few accounts post and file far more than a person would
  MESSAGE_LIMIT_PER_MINUTE: '100000000',
  EVIDENCE_LIMIT_PER_HOUR: '100000000',
  FILING_LIMIT_PER_DAY: '100000000',
  // BENCH_CASE_CACHE_SIZE=0 runs the server with no case projection cache (the "before" of the cache)
  CASE_CACHE_SIZE: process.env.BENCH_CASE_CACHE_SIZE ?? '2000',
  // BENCH_ACCOUNT_CACHE_SIZE=0: the account read on every request (the "before" of the account cache)
  ACCOUNT_CACHE_SIZE: process.env.BENCH_ACCOUNT_CACHE_SIZE ?? '10000',
});
// the real composition (engine with its notifier and effects, services, app), as the server builds it
const { engine, services, app } = composeSevenfold({ config, logger, db, jwtSecret: config.jwtSecret! });
const http = createServer(app);
await createRealtime(http, {
  db,
  logger,
  services,
  engine,
  eventsPerSecond: 1000,
  maxSocketsPerUser: config.realtimeMaxSocketsPerUser,
  presenceDebounceMs: config.realtimePresenceDebounceMs,
});
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

/**
 * The engine's floor of one change: the insert of an event and an update of its case's projection in
 * ONE transaction (`session.withTransaction`, one session each, as the store commits), back to back.
 * The documents are copies of a real case's projection and of its last event; the update sets the
 * fields an action changes (seq, hash, time, the pending-effects mark).
 */
async function driverFloor(ms: number, caseId?: string): Promise<number[]> {
  const events = db.collection('bench_floor_events');
  const cases = db.collection('bench_floor_cases');
  const sample = await db.collection('cases').findOne(caseId ? { _id: caseId as never } : {});
  const { _id: _ignored, ...projection } = sample ?? { _id: null, seq: 0 };
  const lastEvent = sample
    ? await db.collection('case_events').findOne({ _id: `${String(sample._id)}:${sample.seq}` as never })
    : null;
  const { _id: _eventId, ...event } = lastEvent ?? {
    _id: null,
    caseId: 'floor',
    type: 'RECORD_SESSION',
    data: { notes: 'x' },
    hash: 'f'.repeat(64),
    prevHash: 'e'.repeat(64),
  };
  await cases.updateOne({ _id: 'floor' as never }, { $set: projection }, { upsert: true });
  const client = db.getClient();
  const latencies: number[] = [];
  const end = Date.now() + ms;
  for (let n = 0; Date.now() < end; n++) {
    const t0 = performance.now();
    const session = client.startSession();
    try {
      await session.withTransaction(async () => {
        await events.insertOne(
          { ...event, _id: `floor:${process.pid}:${n}:${Date.now()}` as never, caseId: 'floor', seq: n },
          { session },
        );
        await cases.updateOne(
          { _id: 'floor' as never },
          { $set: { seq: n, lastHash: `${n}`.padStart(64, '0'), updatedAt: new Date(), pendingEffects: n } },
          { session },
        );
      });
    } finally {
      await session.endSession();
    }
    latencies.push(performance.now() - t0);
  }
  return latencies;
}

/** How many case copies the indexed floor takes turns on (the HTTP benchmark acts on as many cases). */
const INDEXED_COPIES = 50;
/** The indexed floor's collections and event, made once from the first case it is given. */
let indexedSetup: Promise<{ events: Collection; cases: Collection; event: Document }> | undefined;
let indexedSeq = 0;

/** Copies `caseId`'s projection and last event into collections given `cases`' and `case_events`' indexes. */
async function setUpIndexedFloor(caseId: string) {
  const events = db.collection('bench_ix_events');
  const cases = db.collection('bench_ix_cases');
  const sample = await db.collection('cases').findOne({ _id: caseId as never });
  if (!sample) throw new Error(`no case ${caseId} to copy`);
  const lastEvent = await db.collection('case_events').findOne({ _id: `${caseId}:${sample.seq}` as never });
  if (!lastEvent) throw new Error(`no last event of case ${caseId} to copy`);
  const { _id: _ignored, ...projection } = sample;
  const { _id: _eventId, ...event } = lastEvent;
  for (const [keys, options] of caseModel(db).schema.indexes())
    await cases.createIndex(keys as Record<string, 1 | -1>, options as Record<string, unknown>);
  for (const [keys, options] of caseEventModel(db).schema.indexes())
    await events.createIndex(keys as Record<string, 1 | -1>, options as Record<string, unknown>);
  await cases.insertMany(
    Array.from({ length: INDEXED_COPIES }, (_, i) => ({
      ...projection,
      _id: `ix-${i}` as never,
      caseNo: `IX-${i}`,
    })),
  );
  return { events, cases, event };
}

/**
 * The same change on collections indexed like Sevenfold's: a copy of the case's last event inserted
 * into a collection with `case_events`' indexes and a session pushed onto a copy of its projection in a
 * collection with `cases`' indexes, in ONE transaction, back to back. Against the bare floor it shows
 * what the engine charges for the projection's list indexes (the embedded engine rewrites every index
 * entry of a document on each update); against the action, what the request pipeline adds to the writes
 * an action must make. Copies, not the real collections, so the benchmark's cases and lists are untouched.
 */
async function indexedFloor(ms: number, caseId: string): Promise<number[]> {
  indexedSetup ??= setUpIndexedFloor(caseId);
  const { events, cases, event } = await indexedSetup;
  const client = db.getClient();
  const latencies: number[] = [];
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const seq = ++indexedSeq;
    const t0 = performance.now();
    await recordSessionWrites(client, events, cases, event, `ix-${seq % INDEXED_COPIES}`, seq);
    latencies.push(performance.now() - t0);
  }
  return latencies;
}

/** Synthetic cases inserted so far (numbered from 0, the most recently updated). */
let syntheticCount = 0;

/**
 * Adds `count` synthetic case projections (see syntheticCases.ts) after those already there, copying
 * the real case `templateId`, in batches of 1,000 through `insertMany`; resolves with the number of
 * cases (estimated), of synthetic ones, and the insertion rate.
 */
async function addCases(
  count: number,
  templateId?: string,
): Promise<{ total: number; synthetic: number; perSecond: number }> {
  const Cases = db.collection('cases');
  let perSecond = 0;
  if (count > 0) {
    const template = await Cases.findOne(templateId ? { _id: templateId as never } : {});
    if (!template) throw new Error('no case to copy');
    const now = new Date();
    const started = performance.now();
    for (let i = 0; i < count; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, count - i) }, (_, j) =>
        syntheticCase(syntheticCount + j, template as unknown as CaseDoc, now),
      );
      await Cases.insertMany(batch as never[], { ordered: false });
      // and their search documents, as the store writes them with a filing (intake and search read them)
      await db
        .collection('case_search')
        .insertMany(batch.map((c) => ({ _id: c._id, ...caseSearchFields(c) })) as never[], {
          ordered: false,
        });
      syntheticCount += batch.length;
      if ((i / 1000) % 10 === 9) process.stdout.write(`  ${syntheticCount} synthetic cases\n`);
    }
    perSecond = count / ((performance.now() - started) / 1000);
    await recountTallies(db); // the desks count the synthetic cases as the store would have
  }
  return { total: await Cases.estimatedDocumentCount(), synthetic: syntheticCount, perSecond };
}

/**
 * Creates an account `id` (`<id>@bench.local`, password sevenfold-demo) with the role and organisation
 * of the demo account `like`: a synthetic assignee the benchmarks can sign in as.
 */
async function addUser(id: string, like: string): Promise<void> {
  const users = db.collection('users');
  const model = await users.findOne({ _id: like as never });
  if (!model) throw new Error(`no demo user ${like}`);
  const { _id: _like, ...fields } = model;
  await users.updateOne(
    { _id: id as never },
    { $setOnInsert: { ...fields, email: `${id}@bench.local`, name: `Bench ${id}` } },
    { upsert: true },
  );
}

process.on(
  'message',
  (msg: {
    kind: string;
    ms?: number;
    count?: number;
    templateId?: string;
    caseId?: string;
    id?: string;
    like?: string;
  }) => {
    if (msg.kind === 'floor') {
      void driverFloor(msg.ms ?? 3000, msg.caseId).then((latencies) =>
        process.send?.({ kind: 'floor', latencies }),
      );
      return;
    }
    if (msg.kind === 'indexedFloor') {
      void indexedFloor(msg.ms ?? 3000, msg.caseId ?? '').then((latencies) =>
        process.send?.({ kind: 'indexedFloor', latencies }),
      );
      return;
    }
    if (msg.kind === 'addCases') {
      void addCases(msg.count ?? 0, msg.templateId).then((r) => process.send?.({ kind: 'addCases', ...r }));
      return;
    }
    if (msg.kind === 'countCommands') {
      // starts counting afresh; replies with what was counted since the previous call
      const counted = Object.fromEntries(commands ?? []);
      commands = new Map();
      process.send?.({ kind: 'countCommands', counted });
      return;
    }
    if (msg.kind === 'stopCounting') {
      const counted = Object.fromEntries(commands ?? []);
      commands = null;
      process.send?.({ kind: 'stopCounting', counted });
      return;
    }
    if (msg.kind === 'clearStats') {
      services.stats.clear();
      process.send?.({ kind: 'clearStats' });
      return;
    }
    if (msg.kind === 'addUser') {
      void addUser(msg.id!, msg.like!).then(() => process.send?.({ kind: 'addUser' }));
      return;
    }
    if (msg.kind === 'stats') {
      global.gc?.();
      const cpu = process.cpuUsage();
      process.send?.({
        kind: 'stats',
        rss: process.memoryUsage().rss,
        cpuMs: (cpu.user + cpu.system) / 1000,
      });
    } else if (msg.kind === 'stop') {
      void (async () => {
        bare.close();
        plainHttp.close();
        http.closeAllConnections();
        // the embedded engine's folder is removed whole (dropping 10,000s of cases first took minutes)
        if (external) await db.dropDatabase().catch(() => undefined);
        await db.close();
        await engineDb?.stop();
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      })();
    }
  },
);
