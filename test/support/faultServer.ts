import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { defaultSecantusPath } from '../../server/db/secantusInstall.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The JWT secret of the fault runs: fixed, so tokens issued before a crash still work after it. */
export const FAULT_JWT_SECRET = 'sevenfold-fault-suite-secret-0123456789abcdef';

/**
 * Why the fault suites cannot run here (the embedded SecantusDB not installed, no `/proc`), or undefined when
 * they can. The suites skip with this message.
 */
export function faultSuiteUnavailable(): string | undefined {
  const explicit = process.env.SECANTUSDB_BIN;
  const binary = explicit ? resolve(explicit) : defaultSecantusPath();
  if (!existsSync(binary)) {
    return `the embedded database SecantusDB is not installed (${binary}): install python3-venv and run npm install, or set SECANTUSDB_BIN`;
  }
  if (!existsSync('/proc/self/cmdline'))
    return 'no /proc file system (Linux is needed to find engine processes)';
  return undefined;
}

/** One server process of a fault run, with its own embedded database in `dataDir`. */
export interface FaultServer {
  readonly pid: number;
  readonly url: string;
  readonly proc: ChildProcess;
  /** Resolves when the process has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last lines the process printed (warnings and errors: it runs at LOG_LEVEL=warn). */
  output(): string;
  /** The last error-level lines (pino level ≥ 50) the process printed, however much else it printed. */
  errors(): string;
}

/** How a fault server is started. */
export interface FaultServerOptions {
  dataDir: string;
  /** Fixed across restarts, so clients keep one base URL. */
  port: number;
  /** Extra environment (never MONGODB_URI: the server runs its own embedded engine). */
  env?: Record<string, string>;
  /** How long to wait for `/readyz` to answer 200. */
  readyTimeoutMs?: number;
}

/**
 * Starts `server/index.ts` in its own process on the embedded database of `dataDir` (DEMO_DATA=1, a
 * fixed JWT secret, LOG_LEVEL=warn, no MONGODB_URI); does not wait for it (see {@link waitUntilReady}).
 */
export function spawnFaultServer(opts: FaultServerOptions): FaultServer {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(opts.port),
    DATA_DIR: opts.dataDir,
    DEMO_DATA: '1',
    // the demo directory and a small set of cases: a first start stays within the readiness timeout
    DEMO_CASES: '17',
    JWT_SECRET: FAULT_JWT_SECRET,
    LOG_LEVEL: 'warn',
    // the load writes far more per user than a person would
    MESSAGE_LIMIT_PER_MINUTE: '100000',
    EVIDENCE_LIMIT_PER_HOUR: '100000',
    FILING_LIMIT_PER_DAY: '100000',
    ...(process.env.SECANTUSDB_BIN ? { SECANTUSDB_BIN: process.env.SECANTUSDB_BIN } : {}),
    ...opts.env,
  };
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'index.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const errorLines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 300) lines.shift();
      if (/"level":(5|6)\d/.test(line)) {
        errorLines.push(line);
        if (errorLines.length > 50) errorLines.shift();
      }
    }
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    proc.once('exit', (code, signal) => r({ code, signal })),
  );
  const url = `http://127.0.0.1:${opts.port}`;
  return {
    pid: proc.pid ?? -1,
    url,
    proc,
    exited,
    output: () => lines.join('\n'),
    errors: () => errorLines.join('\n'),
  };
}

/** Resolves once the server's `/readyz` answers 200; rejects if it exits first or takes too long. */
export async function waitUntilReady(server: FaultServer, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.proc.exitCode !== null || server.proc.signalCode !== null) {
      throw new Error(`the server exited during start:\n${server.output()}`);
    }
    try {
      const res = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await sleep(50);
  }
  server.proc.kill('SIGKILL');
  throw new Error(`the server did not become ready in ${timeoutMs} ms:\n${server.output()}`);
}

/** {@link spawnFaultServer}, then {@link waitUntilReady}. */
export async function startFaultServer(opts: FaultServerOptions): Promise<FaultServer> {
  const server = spawnFaultServer(opts);
  await waitUntilReady(server, opts.readyTimeoutMs);
  return server;
}

/** Kills a fault server with SIGKILL (no cleanup of any kind runs) and waits until it is gone. */
export async function killServer(server: FaultServer): Promise<void> {
  if (server.proc.exitCode === null && server.proc.signalCode === null) server.proc.kill('SIGKILL');
  await server.exited;
}

/** Stops a fault server with SIGTERM (graceful shutdown) and resolves with its exit. */
export async function stopServer(
  server: FaultServer,
  timeoutMs = 30_000,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (server.proc.exitCode === null && server.proc.signalCode === null) server.proc.kill('SIGTERM');
  const timer = setTimeout(() => server.proc.kill('SIGKILL'), timeoutMs);
  try {
    return await server.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** The pid in `DATA_DIR/secantusdb.pid` (the server's engine child), if any. */
export function enginePidOf(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'secantusdb.pid'), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function cmdlineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

function isZombie(pid: number): boolean {
  try {
    // `pid (comm) S ...`: the state follows the last ')'
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

/** The port a running engine listens on, read from its command line (`--port=N`). */
export function enginePortOf(pid: number): number | undefined {
  const match = /--port=(\d+)/.exec(cmdlineOf(pid) ?? '');
  return match?.[1] ? Number(match[1]) : undefined;
}

/** Live (not zombie) engine processes serving `dataDir`, found through `/proc`. */
export function engineProcessesOf(dataDir: string): number[] {
  const storage = `--storage-path=${join(resolve(dataDir), 'secantusdb')}`;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const cmd = cmdlineOf(pid);
    if (cmd?.includes('secantusd') && cmd.includes(storage) && !isZombie(pid)) pids.push(pid);
  }
  return pids;
}

/** True while a live (not zombie) process with this pid exists. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !isZombie(pid);
}

/** Waits until a process is gone; resolves false if it is still there after `timeoutMs`. */
export async function waitForProcessGone(pid: number, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (processAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(25);
  }
  return true;
}

/**
 * A direct client of the engine a running fault server owns (the test's side door to make clocks
 * come due). Resolves undefined when the engine is not running.
 */
export async function connectToServerEngine(dataDir: string): Promise<MongoClient | undefined> {
  const pid = enginePidOf(dataDir);
  const port = pid ? enginePortOf(pid) : undefined;
  if (!port) return undefined;
  const client = new MongoClient(`mongodb://127.0.0.1:${port}/`, {
    directConnection: true,
    serverSelectionTimeoutMS: 3000,
  });
  try {
    await client.connect();
    return client;
  } catch {
    await client.close().catch(() => undefined);
    return undefined;
  }
}

/**
 * Runs `scripts/verifyLog.ts` (what `npm run verify-log` runs) on the embedded database of a stopped
 * server's `dataDir`; resolves with its exit code and output.
 */
export async function runVerifyLog(dataDir: string): Promise<{ code: number | null; output: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'verifyLog.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...(process.env.SECANTUSDB_BIN ? { SECANTUSDB_BIN: process.env.SECANTUSDB_BIN } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  proc.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const code = await new Promise<number | null>((r) => proc.once('exit', (c) => r(c)));
  return { code, output };
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
