/**
 * Start-up and idle cost of the real server process as the number of cases grows: seeding through the
 * store (`npm run seed`), the time from spawning `node dist/server/index.js` to "Sevenfold is
 * listening" on a first start and a restart, and the CPU the server and its engine use while idle.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { pino } from 'pino';
import { hashEvent, GENESIS_HASH, type HashedEventFields } from '../../server/cases/eventHash.js';
import { recountTallies } from '../../server/cases/caseTallies.js';
import { caseSearchFields } from '../../server/cases/caseSearchTokens.js';
import { connectDatabase } from '../../server/db/connectDatabase.js';
import { startEmbeddedDatabase } from '../../server/db/startEmbeddedDatabase.js';
import type { BenchFigure, BenchSection } from './benchTypes.js';
import { latencyFigure } from './latencyFigure.js';

/** Restarts timed at each size (the median is reported). */
const RESTARTS = 3;
/** How long idle CPU is sampled after "listening". */
const IDLE_MS = 10_000;
/** Clock ticks per second of /proc/<pid>/stat (`getconf CLK_TCK`). */
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return 0;
  }
}

/** Resident memory of a process in MiB (0 once it is gone). */
function rssMiB(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb ?? 0) / 1024;
  } catch {
    return 0;
  }
}

function newest(path: string, pattern: RegExp): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return pattern.test(path) ? st.mtimeMs : 0;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name), pattern)), 0);
}

/**
 * How the server runs: `node dist/server/index.js` (as `npm start` does), compiled first with
 * `tsc -p tsconfig.build.json` when dist/ is older than server/ or shared/. When that compile fails
 * (sources being edited), the server runs from TypeScript through tsx instead, and the report says so.
 */
function serverCommand(root: string): { args: string[]; how: string } {
  const built = join(root, 'dist', 'server', 'index.js');
  const sources = Math.max(newest(join(root, 'server'), /\.ts$/), newest(join(root, 'shared'), /\.ts$/));
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    process.stdout.write('  compiling the server (tsc -p tsconfig.build.json)…\n');
    const tsc = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      { cwd: root, encoding: 'utf8' },
    );
    if (tsc.status !== 0) {
      const first = (tsc.stdout || tsc.stderr).split('\n')[0] ?? '';
      process.stdout.write(`  the compile failed (${first}); running the server through tsx\n`);
      return {
        args: ['--import', 'tsx', join(root, 'server', 'index.ts')],
        how: `\`node --import tsx server/index.ts\` (\`tsc -p tsconfig.build.json\` failed: ${first})`,
      };
    }
  }
  return { args: [built], how: '`node dist/server/index.js` (as `npm start`)' };
}

interface Started {
  proc: ChildProcess;
  /** Milliseconds from spawn to the "Sevenfold is listening" log line. */
  ms: number;
  /** Milliseconds from spawn to the "embedded SecantusDB is ready" log line. */
  engineMs: number;
  enginePid: number;
}

/** Spawns the server on `dataDir` (port 0, demo directory on) and waits for "Sevenfold is listening". */
async function startServer(root: string, args: string[], dataDir: string): Promise<Started> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, args, {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'info',
      ...(process.env.SECANTUSDB_BIN ? { SECANTUSDB_BIN: process.env.SECANTUSDB_BIN } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let engineMs = Number.NaN;
  const ms = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not listen within 300 s:\n${out}`)),
      300_000,
    );
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (Number.isNaN(engineMs) && out.includes('"msg":"embedded SecantusDB is ready"'))
        engineMs = performance.now() - t0;
      if (out.includes('"msg":"Sevenfold is listening"')) {
        clearTimeout(timer);
        resolve(performance.now() - t0);
      }
      if (out.length > 1_000_000) out = out.slice(-100_000);
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${out.slice(-4000)}`));
    });
  }).catch((err: unknown) => {
    proc.kill('SIGKILL');
    throw err;
  });
  proc.removeAllListeners('exit');
  const enginePid = Number(readFileSync(join(dataDir, 'secantusdb.pid'), 'utf8').trim());
  return { proc, ms, engineMs, enginePid };
}

/** Stops the server with SIGTERM (it stops its engine) and waits for it to exit. */
async function stopServer(started: Started): Promise<void> {
  const { proc } = started;
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

/** CPU of the server and its engine over `ms`, as a percentage of one core each. */
async function cpuOver(started: Started, ms: number): Promise<{ server: number; engine: number }> {
  const pid = started.proc.pid!;
  const s0 = cpuSeconds(pid);
  const e0 = cpuSeconds(started.enginePid);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, ms));
  const seconds = (performance.now() - t0) / 1000;
  return {
    server: ((cpuSeconds(pid) - s0) / seconds) * 100,
    engine: ((cpuSeconds(started.enginePid) - e0) / seconds) * 100,
  };
}

/**
 * Waits until server + engine use under 5% of a core over 2 s (at most `maxMs`); resolves with how
 * long they were busier than that.
 */
async function untilQuiet(started: Started, maxMs: number): Promise<number> {
  const t0 = performance.now();
  let busy = 0;
  while (performance.now() - t0 < maxMs) {
    const cpu = await cpuOver(started, 2000);
    if (cpu.server + cpu.engine < 5) break;
    busy = performance.now() - t0;
  }
  return busy;
}

/**
 * Runs `scripts/seed.ts --cases N` (`npm run seed`) on `dataDir`; resolves with its wall time and, when
 * it prints it ("N demo cases created in S s"), the time of the seeding itself, in ms.
 */
async function seedThroughStore(
  root: string,
  dataDir: string,
  cases: number,
): Promise<{ wallMs: number; seedingMs: number | undefined }> {
  const t0 = performance.now();
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts', 'seed.ts'), '--cases', String(cases)],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'error',
        ...(process.env.SECANTUSDB_BIN ? { SECANTUSDB_BIN: process.env.SECANTUSDB_BIN } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  proc.stdout.on('data', (c: Buffer) => (out = (out + c.toString('utf8')).slice(-20_000)));
  proc.stderr.on('data', (c: Buffer) => (out = (out + c.toString('utf8')).slice(-20_000)));
  const code = await new Promise<number | null>((r) => proc.once('exit', (c) => r(c)));
  if (code !== 0) throw new Error(`npm run seed -- --cases ${cases} failed (${code}):\n${out}`);
  const wallMs = performance.now() - t0;
  const printed = /(\d+) demo cases created in ([\d.]+) s/.exec(out);
  if (printed && Number(printed[1]) !== cases)
    throw new Error(`npm run seed -- --cases ${cases} created ${printed[1]} cases`);
  return { wallMs, seedingMs: printed ? Number(printed[2]) * 1000 : undefined };
}

type Doc = Record<string, unknown> & { _id: unknown };

/** A deep copy of `value` with every string's `from` replaced by `to` (Dates and numbers kept). */
function renamed<T>(value: T, swaps: [string, string][]): T {
  if (typeof value === 'string') {
    let s: string = value;
    for (const [from, to] of swaps) if (s.includes(from)) s = s.split(from).join(to);
    return s as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => renamed(v, swaps)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date) && value.constructor === Object) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, swaps)])) as T;
  }
  return value;
}

/** The hash of an event from its stored fields (as the store computes it when appending). */
const hashOf = (ev: Doc, prevHash: string): string =>
  hashEvent({ ...(ev as unknown as HashedEventFields), prevHash });

/**
 * Grows the cases in `db` to `target` by copying the ones seeded through the store: each copy is every
 * document of a case — its events (hash chain recomputed), its projection and search tokens, its clocks and messages —
 * under a new case id and case number, inserted in bulk. Resolves with the copies made per second.
 */
async function cloneCases(db: Connection, target: number): Promise<number> {
  const Cases = db.collection<Doc>('cases');
  // the cases seeded through the store (copies carry a "-C<n>" case-number suffix)
  const all = await Cases.find({}).toArray();
  const originals = all.filter((c) => !/-C\d+$/.test(String(c.caseNo)));
  const ids = new Set(originals.map((c) => String(c._id)));
  const perCase = ['case_events', 'deadlines', 'messages'] as const;
  const byCase = new Map<string, Record<string, Doc[]>>();
  for (const name of perCase) {
    for (const doc of await db.collection<Doc>(name).find({}).toArray()) {
      const id = String(doc.caseId);
      if (!ids.has(id)) continue;
      const entry = byCase.get(id) ?? { case_events: [], deadlines: [], messages: [] };
      entry[name]!.push(doc);
      byCase.set(id, entry);
    }
  }
  // the chain as the store computed it must come out again from the stored fields
  const sample = originals[0] ? byCase.get(String(originals[0]._id))?.case_events : undefined;
  const firstEvent = sample?.find((ev) => ev.seq === 1);
  if (firstEvent && hashOf(firstEvent, GENESIS_HASH) !== firstEvent.hash)
    throw new Error('event hashes cannot be recomputed from the stored fields');

  const started = performance.now();
  const buffers: Record<string, Doc[]> = {
    cases: [],
    case_search: [],
    case_events: [],
    deadlines: [],
    messages: [],
  };
  const flush = async () => {
    for (const [name, docs] of Object.entries(buffers)) {
      if (docs.length) await db.collection<Doc>(name).insertMany(docs, { ordered: false });
      buffers[name] = [];
    }
  };
  // copy k (counting the copies already made) is copy number ⌊k / n⌋ + 1 of original k mod n
  const first = all.length - originals.length;
  const last = target - originals.length;
  for (let k = first; k < last; k++) {
    const original = originals[k % originals.length]!;
    const copy = Math.floor(k / originals.length) + 1;
    const oldId = String(original._id);
    const newId = `${oldId.slice(0, 10)}c${copy.toString(36).padStart(5, '0')}`;
    const swaps: [string, string][] = [
      [oldId, newId],
      [String(original.caseNo), `${String(original.caseNo)}-C${copy}`],
    ];
    const docs = byCase.get(oldId) ?? { case_events: [], deadlines: [], messages: [] };
    let prev = GENESIS_HASH;
    for (const ev of [...docs.case_events!].sort((a, b) => Number(a.seq) - Number(b.seq))) {
      const clone = renamed(ev, swaps);
      clone.prevHash = prev;
      clone.hash = hashOf(clone, prev);
      prev = clone.hash as string;
      buffers.case_events!.push(clone);
    }
    const projection = renamed(original, swaps);
    if (docs.case_events!.length) projection.lastHash = prev;
    buffers.cases!.push(projection);
    // its search document, as the store writes it with a filing (the case number is one of the texts)
    buffers.case_search!.push({
      _id: newId,
      ...caseSearchFields(projection as unknown as Parameters<typeof caseSearchFields>[0]),
    } as unknown as Doc);
    for (const name of ['deadlines', 'messages'] as const) {
      for (const doc of docs[name]!) buffers[name]!.push(renamed(doc, swaps));
    }
    if (buffers.cases!.length >= 250) await flush();
  }
  await flush();
  const perSecond = Math.max(0, last - first) / ((performance.now() - started) / 1000);
  await recountTallies(db); // the copies are counted on the desks as the store would have counted them
  return perSecond;
}

/** Opens the embedded engine of `dataDir` (database `sevenfold`) for `task`, then stops it. */
async function withDataDir<T>(dataDir: string, task: (db: Connection) => Promise<T>): Promise<T> {
  const engine = await startEmbeddedDatabase({ dataDir, logger: pino({ level: 'silent' }) });
  try {
    const db = await connectDatabase(engine.uri, 'sevenfold');
    try {
      return await task(db);
    } finally {
      await db.close();
    }
  } finally {
    await engine.stop();
  }
}

const once = (name: string, ms: number, opsPerSec = 1000 / ms): BenchFigure => ({
  name,
  p50Ms: ms,
  p99Ms: ms,
  opsPerSec,
  samples: 1,
});

/**
 * Seeding throughput, first-start and restart time, and idle CPU of the server process and its engine
 * child at each size (default 1k and 10k cases): the first size is seeded through the store with
 * `npm run seed`; each larger one grows the same folder by copying those cases in bulk (every
 * document of a case under a new id), since the store seeds a few cases per second.
 */
export async function startupBench(root: string, sizes: number[] = [1_000, 10_000]): Promise<BenchSection> {
  const { args, how } = serverCommand(root);
  const figures: BenchFigure[] = [];
  const ratios: BenchSection['ratios'] = [];
  const at: Record<
    number,
    { restart: number; engine: number; idle: number; first: number; firstIdle: number }
  > = {};
  const dir = mkdtempSync(join(tmpdir(), 'sevenfold-startup-'));
  const notes: string[] = [];
  try {
    // a fresh install: an empty folder, where the first start creates the demo directory and cases
    if (process.env.BENCH_STARTUP_FRESH !== '0') {
      const fresh = join(dir, 'fresh');
      mkdirSync(fresh);
      process.stdout.write('  fresh install: first start on an empty folder…\n');
      const freshStart = await startServer(root, args, fresh);
      figures.push(
        once('first start on an empty folder (creates the demo data), to "listening"', freshStart.ms),
      );
      await stopServer(freshStart);
    }

    const dataDir = join(dir, 'data');
    // cases seeded through the store; every further case is a copy of one of them
    const base = Math.min(Number(process.env.BENCH_STARTUP_SEEDED ?? sizes[0] ?? 1000), sizes[0] ?? 1000);
    let seeded = 0;
    for (const size of sizes) {
      const label = `${size.toLocaleString('en')} cases`;
      if (seeded === 0) {
        process.stdout.write(
          `  seeding ${base.toLocaleString('en')} cases through the store (npm run seed)…\n`,
        );
        const { wallMs, seedingMs } = await seedThroughStore(root, dataDir, base);
        const rate = base / ((seedingMs ?? wallMs) / 1000);
        figures.push(
          once(
            `seeding through the store: npm run seed -- --cases ${base}, whole command (ops/s = cases/s)`,
            wallMs,
            base / (wallMs / 1000),
          ),
        );
        if (seedingMs !== undefined)
          figures.push(
            once(
              `seeding through the store: the ${base} cases alone, as the command reports (ops/s = cases/s)`,
              seedingMs,
              rate,
            ),
          );
        seeded = base;
        notes.push(
          `${base.toLocaleString('en')} cases seeded through the store (npm run seed) at ${rate.toFixed(1)} cases/s`,
        );
      }
      if (size > seeded) {
        process.stdout.write(`  growing to ${label} by copying the seeded cases…\n`);
        const t0 = performance.now();
        const perSecond = await withDataDir(dataDir, (db) => cloneCases(db, size));
        figures.push(
          once(
            `growing to ${label}: bulk copies of the seeded cases (ops/s = copies/s)`,
            performance.now() - t0,
            perSecond,
          ),
        );
        notes.push(
          `${label}: the ${seeded.toLocaleString('en')} seeded cases and their copies, at ${perSecond.toFixed(0)} copies/s`,
        );
      }

      process.stdout.write(`  first start at ${label}…\n`);
      const first = await startServer(root, args, dataDir);
      const firstCpu = await cpuOver(first, IDLE_MS);
      const busy = await untilQuiet(first, 180_000);
      await stopServer(first);
      process.stdout.write(`  ${RESTARTS} restarts at ${label}…\n`);
      const restartMs: number[] = [];
      const engineMs: number[] = [];
      let idleCpu = { server: 0, engine: 0 };
      let rss = { server: 0, engine: 0 };
      for (let i = 0; i < RESTARTS; i++) {
        const restart = await startServer(root, args, dataDir);
        restartMs.push(restart.ms);
        engineMs.push(restart.engineMs);
        if (i === RESTARTS - 1) {
          idleCpu = await cpuOver(restart, IDLE_MS);
          rss = { server: rssMiB(restart.proc.pid!), engine: rssMiB(restart.enginePid) };
        }
        await stopServer(restart);
      }
      const restarted = latencyFigure(`restart to "listening" — ${label}`, restartMs, 0);
      const engineReady = latencyFigure(
        `restart to the engine's "embedded SecantusDB is ready" — ${label}`,
        engineMs,
        0,
      );
      figures.push(
        once(`first start to "listening" — ${label}`, first.ms),
        { ...engineReady, opsPerSec: 1000 / engineReady.p50Ms },
        { ...restarted, opsPerSec: 1000 / restarted.p50Ms },
      );
      at[size] = {
        restart: restarted.p50Ms,
        engine: engineReady.p50Ms,
        first: first.ms,
        idle: idleCpu.server + idleCpu.engine,
        firstIdle: firstCpu.server + firstCpu.engine,
      };
      ratios.push(
        {
          name: `CPU in the ${IDLE_MS / 1000} s after a first start, % of a core — ${label}`,
          value: firstCpu.server + firstCpu.engine,
          explanation: `server ${firstCpu.server.toFixed(1)} %, engine ${firstCpu.engine.toFixed(1)} %; then busy (over 5 % of a core) for ${(busy / 1000).toFixed(0)} s more`,
        },
        {
          name: `idle CPU in the ${IDLE_MS / 1000} s after a restart, % of a core — ${label}`,
          value: idleCpu.server + idleCpu.engine,
          explanation: `server ${idleCpu.server.toFixed(1)} %, engine ${idleCpu.engine.toFixed(1)} % (after the last restart); resident memory: server ${rss.server.toFixed(0)} MiB, engine ${rss.engine.toFixed(0)} MiB`,
        },
      );
    }
    const [small, ...larger] = sizes;
    for (const size of larger) {
      const a = at[small!]!;
      const b = at[size]!;
      const k = `${size / 1000}k ÷ ${small! / 1000}k`;
      ratios.push(
        {
          name: `restart time: ${k} (median of ${RESTARTS})`,
          value: b.restart / a.restart,
          explanation: 'start-up reads no case (target ~1)',
        },
        {
          name: `restart, spawn to engine ready: ${k} (median of ${RESTARTS})`,
          value: b.engine / a.engine,
          explanation: 'the SecantusDB process opening the data folder',
        },
        {
          name: `restart, engine ready to "listening": ${k} (median of ${RESTARTS})`,
          value: (b.restart - b.engine) / Math.max(a.restart - a.engine, 0.001),
          explanation: 'connect, indexes, demo directory, pending effects, realtime',
        },
        {
          name: `idle CPU after a restart: ${k}`,
          value: b.idle / Math.max(a.idle, 0.01),
          explanation: 'the scheduler polls due clocks by index (target ~1)',
        },
        {
          name: `first start time: ${k}`,
          value: b.first / a.first,
          explanation: 'the first start of the server on the seeded folder',
        },
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    title: 'Start-up and idle',
    description:
      `The real server process, ${how}, on a data folder holding N cases (embedded engine in it, demo directory on, ` +
      'port 0), timed from spawn to its "Sevenfold is listening" log line: a first start (the first server start on ' +
      `the seeded folder), then ${RESTARTS} restarts after clean stops (median). CPU is read from /proc/<pid>/stat ` +
      `(user + system) of the server and of its engine child over the ${IDLE_MS / 1000} s after "listening". Data: ` +
      `${notes.join('; ')}. Copies are made because seeding through the store (every step of every case a real ` +
      'transaction with its effects, clocks fired on the way) runs at a few cases per second on this machine: a copy ' +
      'is every document of a case (events with their hash chain recomputed, projection, clocks) under a new id and ' +
      'case number, so the folder holds what the store would have written; copies are made after the first size ' +
      'has been started, so they carry no clock backlog. The first server at each size runs until quiet (server + ' +
      'engine under 5 % of a core over 2 s) before it is stopped. The fresh-install row is the server on an empty ' +
      'folder (`npm start` after install), which creates the demo accounts and cases before listening. ' +
      '`BENCH_STARTUP_SIZES`, `BENCH_STARTUP_SEEDED` (cases seeded through the store) and `BENCH_STARTUP_FRESH=0` ' +
      '(no fresh-install row) shorten the run.',
    figures,
    ratios,
  };
}
