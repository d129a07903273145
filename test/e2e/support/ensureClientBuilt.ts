import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

/**
 * Builds the web client (`vite build`) when `client/dist/index.html` is missing or older than the
 * client sources or `shared/`, so the e2e suite always runs the current app. Returns whether it built.
 */
export function ensureClientBuilt(): boolean {
  const output = join(root, 'client', 'dist', 'index.html');
  const sources = Math.max(
    newest(join(root, 'client', 'src')),
    newest(join(root, 'client', 'public')),
    newest(join(root, 'client', 'index.html')),
    newest(join(root, 'client', 'vite.config.ts')),
    newest(join(root, 'shared')),
  );
  if (existsSync(output) && statSync(output).mtimeMs >= sources) return false;
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const res = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (res.status !== 0) throw new Error(`vite build failed (exit ${res.status ?? res.signal})`);
  return true;
}
