#!/usr/bin/env node
// Runs before `npm start`: compiles the server and builds the web client (npm run build) when dist/
// is missing or older than the sources, or only the client (npm run build:client) when just
// client/dist is stale, so `npm install && npm start` works on a fresh clone and later starts stay fast.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const serverOutput = join(root, 'dist', 'server', 'index.js');
const clientOutput = join(root, 'client', 'dist', 'index.html');

function newestMtime(dir, pattern) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, pattern));
    else if (pattern.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);
const sharedSources = newestMtime(join(root, 'shared'), /\.(ts|json)$/);
const serverSources = Math.max(
  newestMtime(join(root, 'server'), /\.(ts|json)$/),
  sharedSources,
  mtime(join(root, 'tsconfig.json')),
  mtime(join(root, 'tsconfig.build.json')),
);
const clientSources = Math.max(
  newestMtime(join(root, 'client', 'src'), /\.(ts|tsx|css|json)$/),
  newestMtime(join(root, 'client', 'public'), /./),
  mtime(join(root, 'client', 'index.html')),
  mtime(join(root, 'client', 'vite.config.ts')),
  sharedSources,
);
const serverStale = !existsSync(serverOutput) || mtime(serverOutput) < serverSources;
const clientStale = !existsSync(clientOutput) || mtime(clientOutput) < clientSources;
if (!serverStale && !clientStale) process.exit(0);

const script = serverStale ? 'build' : 'build:client';
process.stdout.write(
  `[sevenfold] ${serverStale ? 'compiling the server and building the web client' : 'building the web client'} (npm run ${script})…\n`,
);
const res = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
process.exit(res.status ?? 1);
