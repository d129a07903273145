/**
 * `npm run bench`: runs every benchmark in one process, side by side, against the embedded engine in
 * a temporary folder (or MONGODB_URI), prints the figures and writes docs/benchmarks.md.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SECANTUSDB_VERSION } from '../../server/db/secantusInstall.js';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import { pino } from 'pino';
import { connectDatabase } from '../../server/db/connectDatabase.js';
import { prepareDatabase } from '../../server/compose/prepareDatabase.js';
import { startEmbeddedDatabase } from '../../server/db/startEmbeddedDatabase.js';
import type { BenchSection } from './benchTypes.js';
import { caseEngineBench } from './caseEngineBench.js';
import { exportBench } from './exportBench.js';
import { startBenchServer } from './benchServerHandle.js';
import { middlewareBench } from './middlewareBench.js';
import { benchTokens, httpBench, listBench, saturationBench } from './httpBench.js';
import { presenceStormBench } from './presenceStormBench.js';
import { realtimeBench } from './realtimeBench.js';
import { roundTripBench } from './roundTripBench.js';
import { paintBench } from './paintBench.js';
import { soakBench } from './soakBench.js';
import { startupBench } from './startupBench.js';
import { suiteCounts } from './suiteCounts.js';

const fmt = (n: number, digits = 3) =>
  Number.isInteger(n) ? String(n) : n >= 100 ? n.toFixed(0) : n.toPrecision(digits);

/** The line that opens the notes of partial runs at the end of docs/benchmarks.md. */
const NOTES_MARKER = '<!-- partial runs: npm run bench keeps everything from this line on -->';

/**
 * The notes of partial runs (`BENCH_ONLY`) from `file`: everything from {@link NOTES_MARKER} on, kept
 * when a full run writes the file anew; the bare marker and heading when the file has none.
 */
function keptNotes(file: string): string {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // no file yet
  }
  const at = text.indexOf(NOTES_MARKER);
  return `\n${at >= 0 ? text.slice(at) : `${NOTES_MARKER}\n\n# Partial runs\n`}`;
}

function render(sections: BenchSection[], engine: string, started: Date, seconds: number): string {
  const lines = [
    '# Benchmarks',
    '',
    'Produced by `npm run bench` in one run; every figure down to "Partial runs" comes from that run. Figures',
    'in one section were measured side by side in the same process, so their ratios hold even on a noisy',
    'machine.',
    '',
    `- date: ${started.toISOString()} (took ${seconds.toFixed(0)} s)`,
    `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    `- database: ${engine}`,
    '',
  ];
  for (const s of sections) {
    lines.push(
      `## ${s.title}`,
      '',
      s.description,
      '',
      '| operation | p50 ms | p99 ms | ops/s | samples |',
      '|---|---:|---:|---:|---:|',
    );
    for (const f of s.figures) {
      lines.push(`| ${f.name} | ${fmt(f.p50Ms)} | ${fmt(f.p99Ms)} | ${fmt(f.opsPerSec)} | ${f.samples} |`);
    }
    lines.push('', '| ratio | value | meaning |', '|---|---:|---|');
    for (const r of s.ratios) lines.push(`| ${r.name} | ${fmt(r.value)} | ${r.explanation} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * `BENCH_ONLY=engine,middleware,http,realtime,saturation,soak,lists,trips,export,startup,paint,suites` runs a part (printed,
 * docs left alone).
 */
const only = process.env.BENCH_ONLY?.split(',').map((part) => part.trim());
const wanted = (part: string) => !only || only.includes(part);
const sizesOf = (knob: string | undefined, fallback: string) => (knob ?? fallback).split(',').map(Number);

/** What the figures ran on, as the engine itself reports it (`buildInfo`, `hello`). */
async function engineLine(db: Connection, embedded: boolean): Promise<string> {
  const admin = db.db!.admin();
  const info = (await admin.command({ buildInfo: 1 })) as { version?: string; secantusVersion?: string };
  const hello = (await admin.command({ hello: 1 })) as { setName?: string };
  const driver = (
    JSON.parse(readFileSync(join(process.cwd(), 'node_modules', 'mongodb', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const clients = `driver mongodb ${driver}, Mongoose ${mongoose.version}`;
  const set = hello.setName ? `replica set "${hello.setName}"` : 'no replica set';
  if (!embedded) return `MongoDB ${info.version ?? '?'} at MONGODB_URI (${set}), ${clients}`;
  return (
    `embedded SecantusDB ${info.secantusVersion ?? SECANTUSDB_VERSION} (WiredTiger, --sync-on-commit, one-node ${set}, ` +
    `reports MongoDB ${info.version ?? '?'}), one engine process per benchmark process, loopback; ${clients}`
  );
}

const started = new Date();
const logger = pino({ level: 'silent' });
const external = process.env.MONGODB_URI;
const dir = external ? undefined : mkdtempSync(join(tmpdir(), 'sevenfold-bench-'));
const engine = dir ? await startEmbeddedDatabase({ dataDir: dir, logger }) : undefined;
const db = await connectDatabase(engine ? engine.uri : external!, `sf_bench_${Date.now()}`);
await prepareDatabase(db);
try {
  const sections: BenchSection[] = [];
  // each section is printed as soon as it is measured, so a run cut short keeps what it measured
  const push = sections.push.bind(sections);
  sections.push = (...added: BenchSection[]) => {
    for (const section of added)
      process.stdout.write(`${render([section], '', started, 0).split('\n').slice(9).join('\n')}\n`);
    return push(...added);
  };
  const engineDescription = await engineLine(db, Boolean(engine));
  if (wanted('engine')) {
    process.stdout.write('case engine…\n');
    sections.push(await caseEngineBench(db));
  }
  if (wanted('middleware')) {
    process.stdout.write('middleware cost (about 2 minutes)…\n');
    sections.push(await middlewareBench());
  }
  if (['http', 'realtime', 'saturation', 'soak', 'lists', 'trips'].some(wanted)) {
    const server = await startBenchServer();
    try {
      const tokens = await benchTokens(server.url);
      if (wanted('http')) {
        process.stdout.write('HTTP…\n');
        sections.push(await httpBench(server, tokens));
        // the same on a server with neither cache (case projections, signed-in accounts): as it was before them
        process.stdout.write('HTTP, no case projection cache and no account cache…\n');
        const uncached = await startBenchServer({
          BENCH_CASE_CACHE_SIZE: '0',
          BENCH_ACCOUNT_CACHE_SIZE: '0',
        });
        try {
          const uncachedTokens = await benchTokens(uncached.url);
          const before = await httpBench(uncached, uncachedTokens);
          sections.push({
            ...before,
            title:
              'HTTP, no case projection cache and no account cache (CASE_CACHE_SIZE=0, ACCOUNT_CACHE_SIZE=0)',
          });
          if (wanted('trips'))
            sections.push(
              await roundTripBench(
                uncached,
                uncachedTokens,
                uncachedTokens,
                'CASE_CACHE_SIZE=0, ACCOUNT_CACHE_SIZE=0',
              ),
            );
        } finally {
          await uncached.stop();
        }
      }
      if (wanted('realtime')) {
        process.stdout.write('realtime fan-out…\n');
        sections.push(await realtimeBench(server, tokens));
        process.stdout.write('presence storm (under 2 minutes)…\n');
        sections.push(await presenceStormBench(server, tokens));
      }
      let sustained = Number(process.env.SOAK_RATE ?? 0);
      if (wanted('saturation')) {
        process.stdout.write('saturation (about 2 minutes)…\n');
        const saturation = await saturationBench(server, tokens);
        sections.push(saturation);
        sustained = saturation.ratios[0]?.value ?? 0;
      }
      const soakSeconds = Number(process.env.SOAK_SECONDS ?? 600);
      if (wanted('soak') && soakSeconds > 0) {
        if (!(sustained > 0))
          throw new Error('the soak runs at half the saturation rate: run saturation or set SOAK_RATE');
        process.stdout.write(`soak (${soakSeconds} s)…\n`);
        sections.push(await soakBench(server, tokens, sustained / 2, soakSeconds));
      }
      if (wanted('lists')) {
        process.stdout.write('case lists…\n');
        // round trips are counted at 10,000 cases (or the largest size listed below it)
        const sizes = sizesOf(process.env.BENCH_LIST_SIZES, '1000,10000,100000');
        const tripsAt = Math.max(...sizes.filter((n) => n <= 10_000), sizes[0]!);
        const trips: BenchSection[] = [];
        sections.push(
          await listBench(server, tokens, sizes, async (size, as) => {
            if (!wanted('trips') || size !== tripsAt) return;
            process.stdout.write(`round trips at ${size} cases…\n`);
            trips.push(await roundTripBench(server, tokens, as, `${size.toLocaleString('en')} cases`));
          }),
        );
        sections.push(...trips);
      } else if (wanted('trips')) {
        process.stdout.write('round trips…\n');
        sections.push(await roundTripBench(server, tokens));
      }
    } finally {
      await server.stop();
    }
  }
  if (wanted('export')) {
    process.stdout.write('CSV export…\n');
    sections.push(await exportBench(db, sizesOf(process.env.BENCH_EXPORT_SIZES, '1000,10000')));
  }
  if (wanted('startup')) {
    process.stdout.write('start-up and idle (a few minutes)…\n');
    sections.push(await startupBench(process.cwd(), sizesOf(process.env.BENCH_STARTUP_SIZES, '1000,10000')));
  }
  if (wanted('paint')) {
    process.stdout.write('mediator console paint in Chromium…\n');
    sections.push(await paintBench(process.cwd(), sizesOf(process.env.BENCH_PAINT_SIZES, '1000,10000')));
  }
  if (wanted('suites') && process.env.BENCH_SUITES !== '0') {
    process.stdout.write('crash and hostile-input suites…\n');
    sections.push(suiteCounts(process.cwd()));
  }
  const report = render(sections, engineDescription, started, (Date.now() - started.getTime()) / 1000);
  if (only) {
    process.stdout.write(`${report}\npartial run (BENCH_ONLY): docs/benchmarks.md left as it was\n`);
  } else {
    const file = join(process.cwd(), 'docs', 'benchmarks.md');
    writeFileSync(file, report + keptNotes(file));
    process.stdout.write(`${report}\nwritten to docs/benchmarks.md\n`);
  }
} finally {
  await db.dropDatabase().catch(() => undefined);
  await db.close();
  await engine?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
