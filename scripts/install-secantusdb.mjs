#!/usr/bin/env node
// Installs the embedded database engine, SecantusDB (PyPI package, a MongoDB wire-protocol server on
// WiredTiger), into a virtual environment under .cache/secantusdb/<version>/venv when it is missing.
// Runs as the root package's postinstall. It never fails the install: without Python 3.10+ and venv it
// says which Debian packages to add and that MONGODB_URI needs none of it, then exits 0.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Keep in sync with SECANTUSDB_VERSION in server/db/secantusInstall.ts and scripts/secantusdb/requirements.txt. */
const VERSION = '0.7.0b3';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const home = join(root, '.cache', 'secantusdb', VERSION);
const venv = join(home, 'venv');
const marker = join(home, 'installed');
const requirements = join(root, 'scripts', 'secantusdb', 'requirements.txt');

const log = (msg) => process.stdout.write(`[sevenfold] ${msg}\n`);
const wayOut =
  'Sevenfold still runs against MongoDB (a replica set): MONGODB_URI=mongodb://127.0.0.1:27017/sevenfold npm start';

if (process.env.SEVENFOLD_SKIP_SECANTUSDB === '1') {
  log('SEVENFOLD_SKIP_SECANTUSDB=1: not installing the embedded database.');
  process.exit(0);
}
if (existsSync(marker) && existsSync(join(venv, 'bin', 'secantusd-py'))) {
  log(`embedded database SecantusDB ${VERSION} is installed (${venv}).`);
  process.exit(0);
}

const python = process.env.PYTHON ?? 'python3';
const probe = spawnSync(
  python,
  [
    '-c',
    'import sys, venv, ensurepip; print("%d.%d" % sys.version_info[:2]); sys.exit(0 if sys.version_info >= (3, 10) else 3)',
  ],
  { encoding: 'utf8' },
);
if (probe.error || probe.status !== 0) {
  const found = probe.error
    ? 'no python3 was found'
    : probe.status === 3
      ? `found Python ${probe.stdout.trim()}`
      : 'its venv module is missing';
  log(`The embedded database SecantusDB ${VERSION} needs Python 3.10 or newer with venv (${found}).`);
  log('Install it (Debian/Ubuntu: `apt-get install python3 python3-venv`) and run `npm install` again,');
  log(`or: ${wayOut}`);
  process.exit(0);
}

function run(cmd, args) {
  const res = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (res.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${res.status}):\n${res.stderr}`);
}

const started = Date.now();
try {
  log(`installing the embedded database SecantusDB ${VERSION} (Python ${probe.stdout.trim()}) into ${venv}`);
  rmSync(home, { recursive: true, force: true });
  log('creating a virtual environment (python3 -m venv)…');
  run(python, ['-m', 'venv', venv]);
  log('installing SecantusDB and its pinned dependencies from PyPI (pip; about 15 s)…');
  run(join(venv, 'bin', 'python'), [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '--no-input',
    '-r',
    requirements,
  ]);
  const check = spawnSync(join(venv, 'bin', 'secantusd-py'), ['--help'], { encoding: 'utf8' });
  if (check.status !== 0 || !check.stdout.includes('--sync-on-commit')) {
    throw new Error(`secantusd-py does not start: ${check.stderr || check.stdout}`);
  }
  writeFileSync(`${marker}.tmp`, `${VERSION}\n`);
  renameSync(`${marker}.tmp`, marker);
  log(`installed SecantusDB ${VERSION} in ${Math.round((Date.now() - started) / 1000)} s.`);
} catch (err) {
  log(`could not install SecantusDB ${VERSION}: ${err.message}`);
  log(wayOut);
  process.exitCode = 0;
}
