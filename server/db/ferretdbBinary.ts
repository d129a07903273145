import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The FerretDB release Sevenfold embeds. */
export const FERRETDB_VERSION = 'v1.24.2';

/**
 * That release with Sevenfold's one fix (lookups by `_id` use the `_id` index; see
 * `scripts/install-ferretdb.mjs` and docs/database.md); names the folder `npm install` builds into.
 */
export const FERRETDB_BUILD = `${FERRETDB_VERSION}-sevenfold.1`;

/** Thrown when the embedded database is needed but its binary is missing. */
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

/** Where `npm install` builds the FerretDB binary. */
export function defaultFerretDbPath(): string {
  return join(repoRoot(), '.cache', 'ferretdb', FERRETDB_BUILD, 'ferretdb');
}

/**
 * Finds the FerretDB binary (an explicit path, else the one `npm install` builds) or throws one
 * clear error that names both ways out: install Go and reinstall, or set MONGODB_URI.
 */
export function resolveFerretDbBinary(explicit?: string): string {
  const path = explicit ? resolve(explicit) : defaultFerretDbPath();
  if (existsSync(path)) return path;
  throw new EmbeddedDatabaseUnavailableError(
    `The embedded database (FerretDB ${FERRETDB_VERSION}) is not installed: no binary at ${path}. ` +
      'Either install Go 1.24 or newer and run `npm install` again (it builds FerretDB), ' +
      'or run against MongoDB with MONGODB_URI=mongodb://127.0.0.1:27017/sevenfold.',
  );
}
