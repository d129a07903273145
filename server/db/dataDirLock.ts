import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/** Thrown when another live server already holds the data folder. */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

/** A held lock on a data folder; `release` is idempotent. */
export interface DataDirLock {
  readonly path: string;
  release(): void;
}

const heldInThisProcess = new Set<string>();

/** True when a process with this pid exists (signal 0 probes without signalling). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on `dataDir` through `sevenfold.lock` (created with O_EXCL). A lock left by
 * a process that no longer runs (a server killed with SIGKILL) is reclaimed; a live holder makes this
 * throw a {@link DataDirLockedError} that names it.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'sevenfold.lock');
  if (heldInThisProcess.has(path)) {
    throw new DataDirLockedError(`The data folder ${dir} is already in use by this process.`);
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(
        path,
        JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
        {
          flag: 'wx',
          mode: 0o600,
        },
      );
      heldInThisProcess.add(path);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          heldInThisProcess.delete(path);
          rmSync(path, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(path);
      if (holder && holder.pid !== process.pid && isProcessAlive(holder.pid)) {
        throw new DataDirLockedError(
          `The data folder ${dir} is in use by another Sevenfold server (pid ${holder.pid}, since ${holder.since}). ` +
            'Stop that server, or give this one another DATA_DIR.',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock the data folder ${dir}.`);
}

function readHolder(path: string): { pid: number; since: string } | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; since?: unknown };
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, since: String(parsed.since) } : undefined;
  } catch {
    return undefined;
  }
}
