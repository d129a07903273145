import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { isProcessAlive, lockDataDir, type DataDirLock } from './dataDirLock.js';
import { SECANTUSDB_VERSION, resolveSecantusBinary } from './secantusInstall.js';
import { freePort } from './freePort.js';
import { pingMongo } from './pingMongo.js';

/** A running embedded database engine (SecantusDB), owned by this process. */
export interface EmbeddedDatabase {
  /** Connection string without a database name, e.g. `mongodb://127.0.0.1:41234/`. */
  readonly uri: string;
  readonly port: number;
  readonly pid: number;
  readonly dataDir: string;
  /** Stops the engine (SIGTERM, then SIGKILL after a grace period) and releases the data folder. */
  stop(): Promise<void>;
  /** Kills the engine abruptly without releasing the data folder lock (fault tests). */
  kill(signal?: NodeJS.Signals): void;
  /** Restarts the engine on the same port and data (fault tests and recovery). */
  restart(): Promise<void>;
}

/** Options of {@link startEmbeddedDatabase}. */
export interface EmbeddedDatabaseOptions {
  dataDir: string;
  binary?: string | undefined;
  logger: Pick<Logger, 'info' | 'warn' | 'debug' | 'error'>;
  startTimeoutMs?: number;
  /** Lock the data folder against a second server (default true). */
  lock?: boolean;
  /** Restart the engine by itself when it dies unexpectedly (the server does; default false). */
  supervise?: boolean;
}

const PID_FILE = 'secantusdb.pid';

/**
 * Starts SecantusDB as a child process: WiredTiger files under `<dataDir>/secantusdb`, bound to 127.0.0.1
 * on a free port, every commit synced to disk (`--sync-on-commit`: without it a crash loses acknowledged
 * writes). It advertises a one-node replica set, so transactions and change streams work. Resolves once a
 * ping answers. The child dies with this process (PR_SET_PDEATHSIG through `setpriv`, plus an exit hook);
 * an orphan left by a killed server is found through its pid file and stopped before the new start.
 */
export async function startEmbeddedDatabase(opts: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const { logger } = opts;
  const binary = resolveSecantusBinary(opts.binary);
  const dataDir = resolve(opts.dataDir);
  const storageDir = join(dataDir, 'secantusdb');
  mkdirSync(storageDir, { recursive: true });
  const lock: DataDirLock | undefined = opts.lock === false ? undefined : lockDataDir(dataDir);
  const pidFile = join(dataDir, PID_FILE);
  const timeoutMs = opts.startTimeoutMs ?? 60_000;

  let child: ChildProcess | undefined;
  let port = 0;
  let stopping = false;
  const recentOutput: string[] = [];

  const onProcessExit = () => {
    if (child?.pid && child.exitCode === null) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    rmSync(pidFile, { force: true });
    lock?.release();
  };

  async function launch(): Promise<void> {
    await reclaimOrphan(pidFile, storageDir, logger);
    const args = [
      '--host=127.0.0.1',
      `--port=${port}`,
      `--storage-path=${storageDir}`,
      '--sync-on-commit',
      '--log-level=WARNING',
    ];
    const useSetpriv = existsSync('/usr/bin/setpriv');
    const [cmd, cmdArgs] = useSetpriv
      ? ['/usr/bin/setpriv', ['--pdeathsig', 'SIGKILL', '--', binary, ...args]]
      : [binary, args];
    const proc = spawn(cmd, cmdArgs, {
      cwd: dataDir,
      // its own process group: Ctrl-C in a terminal reaches the server, which stops the engine in
      // order (a SIGINT to the engine as well made the supervisor restart it during shutdown)
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        // no ~/.secantus/secantusd.toml of the user's is picked up
        HOME: dataDir,
        PYTHONUNBUFFERED: '1',
        PYTHONDONTWRITEBYTECODE: '1',
      },
    });
    child = proc;
    const capture = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        recentOutput.push(line);
        if (recentOutput.length > 30) recentOutput.shift();
        logger.debug({ secantusdb: line }, 'secantusdb output');
      }
    };
    proc.stdout?.on('data', capture);
    proc.stderr?.on('data', capture);
    proc.once('exit', (code, signal) => {
      rmSync(pidFile, { force: true });
      if (stopping || child !== proc) return;
      logger.warn({ code, signal }, 'embedded SecantusDB exited');
      if (opts.supervise && started) scheduleRestart();
    });
    if (proc.pid) writeFileSync(pidFile, String(proc.pid));

    const deadline = Date.now() + timeoutMs;
    const uri = `mongodb://127.0.0.1:${port}/`;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null || proc.signalCode !== null) {
        throw new Error(
          `The embedded SecantusDB ${SECANTUSDB_VERSION} exited during start (code ${proc.exitCode}, signal ${proc.signalCode}):\n` +
            recentOutput.join('\n'),
        );
      }
      if (await pingMongo(uri, 500)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    proc.kill('SIGKILL');
    throw new Error(
      `The embedded SecantusDB did not answer a ping within ${timeoutMs} ms:\n${recentOutput.join('\n')}`,
    );
  }

  let started = false;
  let backoffMs = 200;
  let restartTimer: NodeJS.Timeout | undefined;
  function scheduleRestart(): void {
    if (restartTimer || stopping) return;
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      if (stopping) return;
      launch().then(
        () => {
          backoffMs = 200;
          logger.warn({ port }, 'embedded SecantusDB restarted after a crash');
        },
        (err: unknown) => {
          logger.error({ err }, 'restarting the embedded SecantusDB failed; trying again');
          backoffMs = Math.min(backoffMs * 2, 5000);
          scheduleRestart();
        },
      );
    }, backoffMs);
    restartTimer.unref();
  }

  async function terminate(): Promise<void> {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  process.once('exit', onProcessExit);
  try {
    port = await freePort();
    await launch();
  } catch (err) {
    onProcessExit();
    process.removeListener('exit', onProcessExit);
    throw err;
  }
  started = true;
  logger.info({ port, dataDir, version: SECANTUSDB_VERSION }, 'embedded SecantusDB is ready');

  return {
    get uri() {
      return `mongodb://127.0.0.1:${port}/`;
    },
    get port() {
      return port;
    },
    get pid() {
      return child?.pid ?? -1;
    },
    dataDir,
    async stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      await terminate();
      rmSync(pidFile, { force: true });
      lock?.release();
      process.removeListener('exit', onProcessExit);
    },
    kill(signal: NodeJS.Signals = 'SIGKILL') {
      child?.kill(signal);
    },
    async restart() {
      stopping = true;
      await terminate();
      stopping = false;
      await launch();
      logger.info({ port }, 'embedded SecantusDB restarted');
    },
  };
}

/** Stops an engine left running by a server that was killed, if its pid file names one. */
async function reclaimOrphan(
  pidFile: string,
  storageDir: string,
  logger: Pick<Logger, 'warn'>,
): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return;
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return;
  }
  if (!cmdline.includes('secantusd') || !cmdline.includes(storageDir)) return;
  logger.warn({ pid }, 'stopping an orphaned embedded SecantusDB left by a previous server');
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 50 && isProcessAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 20 && isProcessAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
}
