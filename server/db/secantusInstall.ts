import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The SecantusDB release Sevenfold embeds (PyPI `SecantusDB`, pinned in scripts/secantusdb/requirements.txt). */
export const SECANTUSDB_VERSION = '0.7.0b3';

/** Thrown when the embedded database is needed but not installed. */
export class EmbeddedDatabaseUnavailableError extends Error {
  override name = 'EmbeddedDatabaseUnavailableError';
}

/** Root of the repository, found from this file (works from `server/` and from `dist/server/`). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

/** Where `npm install` puts the engine's launcher (`secantusd-py` in a virtual environment). */
export function defaultSecantusPath(): string {
  return join(repoRoot(), '.cache', 'secantusdb', SECANTUSDB_VERSION, 'venv', 'bin', 'secantusd-py');
}

/**
 * Finds the SecantusDB launcher (an explicit path, else the one `npm install` installs) or throws one
 * clear error that names both ways out: install Python with venv and reinstall, or set MONGODB_URI.
 */
export function resolveSecantusBinary(explicit?: string): string {
  const path = explicit ? resolve(explicit) : defaultSecantusPath();
  if (existsSync(path)) return path;
  throw new EmbeddedDatabaseUnavailableError(
    `The embedded database (SecantusDB ${SECANTUSDB_VERSION}) is not installed: no ${path}. ` +
      'Either install Python 3.10+ with venv (Debian/Ubuntu: apt-get install python3 python3-venv) and run ' +
      '`npm install` again, or run against a MongoDB replica set with MONGODB_URI=mongodb://127.0.0.1:27017/sevenfold.',
  );
}
