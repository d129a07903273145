#!/usr/bin/env node
// Installs the embedded database engine, FerretDB v1.24.2 with one fix, into .cache/ferretdb/ when it is
// missing.
// Runs as the root package's postinstall. It never fails the install: without Go it explains the two
// ways out and exits 0 (a server with MONGODB_URI needs no FerretDB).
//
// Why not plain `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`: FerretDB embeds a
// build/version/version.txt that its release tooling generates and that the module zip lacks, so a
// binary built that way panics at start. We fetch the same module through the Go module proxy, add
// that one generated file, apply the one fix below, and build. See docs/database.md.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = 'v1.24.2';
/** The release plus Sevenfold's fix; names the install folder (keep in sync with server/db/ferretdbBinary.ts). */
const BUILD = `${VERSION}-sevenfold.1`;
const MODULE = 'github.com/FerretDB/FerretDB';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, '.cache', 'ferretdb', BUILD, 'ferretdb');

/**
 * The one change to FerretDB's sources. Its SQLite backend filters `{ _id: v }` (find, count, update,
 * delete) with `_ferretdb_sjson->'$._id' = ?`, but creates the unique `_id` index on
 * `_ferretdb_sjson->"_id"`. SQLite uses an expression index only for the same expression, so every
 * lookup by id read the whole table (30 ms at 5,000 events, growing with every event). Writing the
 * filter as the index is written makes it an index search; both expressions extract the same value.
 */
const FIX = {
  file: join('internal', 'backends', 'sqlite', 'metadata', 'metadata.go'),
  from: `IDColumn = DefaultColumn + "->'$._id'"`,
  to: 'IDColumn = DefaultColumn + `->"_id"`',
};

function applyFix(src) {
  const path = join(src, FIX.file);
  const text = readFileSync(path, 'utf8');
  if (text.split(FIX.from).length !== 2)
    throw new Error(`${FIX.file} no longer reads as expected: not patching`);
  writeFileSync(path, text.replace(FIX.from, FIX.to));
}

const log = (msg) => process.stdout.write(`[sevenfold] ${msg}\n`);

if (process.env.SEVENFOLD_SKIP_FERRETDB === '1') {
  log('SEVENFOLD_SKIP_FERRETDB=1: not installing the embedded FerretDB.');
  process.exit(0);
}
if (existsSync(target)) {
  log(`embedded database FerretDB ${BUILD} is installed (${target}).`);
  process.exit(0);
}

const goVersion = spawnSync('go', ['version'], { encoding: 'utf8' });
if (goVersion.status !== 0) {
  log(
    `Go was not found, so the embedded database (FerretDB ${VERSION}) cannot be built.\n` +
      '[sevenfold] Either install Go (https://go.dev/dl, 1.24 or newer; or `apt-get install golang`) and run `npm install` again,\n' +
      '[sevenfold] or point Sevenfold at a MongoDB server: MONGODB_URI=mongodb://127.0.0.1:27017/sevenfold npm start',
  );
  process.exit(0);
}

const goEnv = {
  ...process.env,
  // FerretDB 1.24.2 asks for Go 1.24; an older local Go fetches that toolchain through the module proxy.
  GOTOOLCHAIN:
    process.env.GOTOOLCHAIN && process.env.GOTOOLCHAIN !== 'local' ? process.env.GOTOOLCHAIN : 'auto',
  GOFLAGS: '-mod=mod -modcacherw',
  CGO_ENABLED: '0',
};

function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { encoding: 'utf8', env: goEnv, ...opts });
  if (res.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${res.status}):\n${res.stderr || res.stdout}`);
  }
  return res.stdout;
}

const started = Date.now();
log(`building the embedded database FerretDB ${VERSION} with ${goVersion.stdout.trim()}.`);
log('the first build downloads Go modules and compiles for one to five minutes; later installs skip it.');
const work = mkdtempSync(join(tmpdir(), 'sevenfold-ferretdb-'));
try {
  log(`fetching ${MODULE}@${VERSION} through the Go module proxy…`);
  const info = JSON.parse(run('go', ['mod', 'download', '-json', `${MODULE}@${VERSION}`], { cwd: work }));
  if (!info.Dir) throw new Error(`go mod download did not report a folder for ${MODULE}@${VERSION}`);
  const src = join(work, 'src');
  cpSync(info.Dir, src, { recursive: true });
  chmodSync(src, 0o755);
  run('chmod', ['-R', 'u+w', src]);
  writeFileSync(join(src, 'build', 'version', 'version.txt'), `${VERSION}\n`);
  applyFix(src);
  log('compiling (go build ./cmd/ferretdb)…');
  const out = join(work, 'ferretdb');
  run('go', ['build', '-trimpath', '-o', out, './cmd/ferretdb'], { cwd: src });
  const check = spawnSync(out, ['--version'], { encoding: 'utf8' });
  if (check.status !== 0 || !check.stdout.includes(VERSION)) {
    throw new Error(`the built binary does not report ${VERSION}: ${check.stdout}${check.stderr}`);
  }
  mkdirSync(dirname(target), { recursive: true });
  // copy next to the target, then rename: atomic on one filesystem, works across filesystems
  copyFileSync(out, `${target}.tmp`);
  chmodSync(`${target}.tmp`, 0o755);
  renameSync(`${target}.tmp`, target);
  log(`installed FerretDB ${BUILD} in ${Math.round((Date.now() - started) / 1000)} s: ${target}`);
} catch (err) {
  log(`could not build FerretDB ${VERSION}: ${err.message}`);
  log('Sevenfold still runs against MongoDB: MONGODB_URI=mongodb://127.0.0.1:27017/sevenfold npm start');
  process.exitCode = 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
