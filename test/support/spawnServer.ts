import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A server process started by a test, with its base URL once it listens. */
export interface SpawnedServer {
  readonly proc: ChildProcess;
  readonly output: () => string;
  /** Resolves with the base URL when the server logs that it listens; rejects if it exits first. */
  readonly listening: Promise<string>;
  /** Resolves with the exit code (or signal) when the process ends. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `server/index.ts` in its own Node process (via tsx) with the given environment, on port 0. */
export function spawnServer(env: Record<string, string>): SpawnedServer {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'index.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    proc.once('exit', (code, signal) => r({ code, signal })),
  );
  const listening = new Promise<string>((resolveUrl, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /"url":"(http:\/\/[^"]+)","msg":"Sevenfold is listening"/.exec(out);
      if (match?.[1]) resolveUrl(match[1]);
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    void exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}):\n${out}`)));
  });
  listening.catch(() => undefined);
  return { proc, output: () => out, listening, exited };
}

/** Polls a URL until it answers 200 or the time runs out. */
export async function waitForOk(url: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/** True while a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until the process with this pid is gone. */
export async function waitForExit(pid: number, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !alive(pid);
}
