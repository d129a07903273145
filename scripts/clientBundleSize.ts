/**
 * Sizes of the built web client (`client/dist`), gzip-compressed the way the server sends them:
 * what the sign-in page loads first (the entry chunk and every chunk it imports statically, with
 * their CSS) and the whole build. Builds nothing: run `npm run build:client` first.
 *
 * `npx tsx scripts/clientBundleSize.ts [distDir]` prints the figures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** One chunk of the Vite manifest (`build.manifest`), as far as sizes need it. */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** A set of built files: their names and total sizes. */
export interface FileSetSize {
  /** Paths relative to the dist folder. */
  files: string[];
  /** Bytes on disk. */
  rawBytes: number;
  /** Bytes after gzip (zlib's default level, as the server's `compression` middleware sends them). */
  gzipBytes: number;
}

/** Sizes of the sign-in page's first load and of the whole client build. */
export interface ClientBundleSize {
  /** JavaScript the sign-in page loads: the entry chunk and its static imports, transitively. */
  signInJs: FileSetSize;
  /** Stylesheets of those chunks. */
  signInCss: FileSetSize;
  /** Every JavaScript file of the build (lazy chunks included). */
  totalJs: FileSetSize;
  /** Every stylesheet of the build. */
  totalCss: FileSetSize;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Default location of the built client (run from `scripts/`, or compiled into `dist/scripts/`). */
export const CLIENT_DIST_DIR =
  [join(here, '..', 'client', 'dist'), join(here, '..', '..', 'client', 'dist')].find((dir) =>
    existsSync(join(dir, '.vite', 'manifest.json')),
  ) ?? join(here, '..', 'client', 'dist');

function sizeOf(distDir: string, files: string[]): FileSetSize {
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(join(distDir, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes).length;
  }
  return { files, rawBytes, gzipBytes };
}

function readManifest(distDir: string): Record<string, ManifestChunk> {
  const path = join(distDir, '.vite', 'manifest.json');
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
  } catch (err) {
    throw new Error(`cannot read ${path} (build the client with build.manifest: npm run build:client)`, {
      cause: err,
    });
  }
}

/**
 * Measures the built client in `distDir` (default `client/dist`) from its Vite manifest: the
 * sign-in page's first load is the entry chunk (`index.html`) with every chunk it imports
 * statically, transitively; lazy (`dynamicImports`) chunks load later and count only in the totals.
 */
export function measureClientBundle(distDir: string = CLIENT_DIST_DIR): ClientBundleSize {
  const manifest = readManifest(distDir);
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error(`no entry chunk in the manifest of ${distDir}`);
  const js = new Set<string>();
  const css = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the manifest of ${distDir} has no chunk ${key}`);
    js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry);

  const assets = readdirSync(join(distDir, 'assets')).map((name) => `assets/${name}`);
  return {
    signInJs: sizeOf(distDir, [...js].sort()),
    signInCss: sizeOf(distDir, [...css].sort()),
    totalJs: sizeOf(
      distDir,
      assets.filter((f) => f.endsWith('.js')),
    ),
    totalCss: sizeOf(
      distDir,
      assets.filter((f) => f.endsWith('.css')),
    ),
  };
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** The figures as report lines: gzip (and raw) size of each set. */
export function formatClientBundleSize(size: ClientBundleSize): string[] {
  const line = (label: string, set: FileSetSize) =>
    `${label.padEnd(22)} ${kib(set.gzipBytes).padStart(11)} gzip  ${kib(set.rawBytes).padStart(11)} raw  ${set.files.length} file(s)`;
  return [
    line('sign-in first load JS', size.signInJs),
    line('sign-in first load CSS', size.signInCss),
    line('all JS', size.totalJs),
    line('all CSS', size.totalCss),
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const size = measureClientBundle(process.argv[2] ? resolve(process.argv[2]) : CLIENT_DIST_DIR);
  for (const line of formatClientBundleSize(size)) console.log(line);
  console.log(`sign-in JS: ${size.signInJs.files.join(' ')}`);
}
