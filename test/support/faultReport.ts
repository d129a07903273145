import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the counts of the last fault run are kept (evidence for the benchmark report). */
export const FAULT_REPORT_PATH = join(root, 'docs', 'faults-last-run.json');

/**
 * Records the counts of one fault suite in `docs/faults-last-run.json` (keeping the other suite's
 * entry), formatted as Prettier would, so `npm run lint` stays clean.
 */
export async function writeFaultCounts(suite: string, counts: Record<string, unknown>): Promise<void> {
  let all: Record<string, unknown> = {};
  if (existsSync(FAULT_REPORT_PATH)) {
    try {
      all = JSON.parse(readFileSync(FAULT_REPORT_PATH, 'utf8')) as Record<string, unknown>;
    } catch {
      all = {};
    }
  }
  all[suite] = {
    at: new Date().toISOString(),
    machine: `${cpus().length} cores, Node ${process.version}`,
    ...counts,
  };
  const options = (await resolveConfig(FAULT_REPORT_PATH)) ?? {};
  writeFileSync(
    FAULT_REPORT_PATH,
    await format(JSON.stringify(all, null, 2), { ...options, parser: 'json' }),
  );
}

/** One line of `key=value` pairs for the test output. */
export function summaryLine(title: string, counts: Record<string, unknown>): string {
  return `${title}: ${Object.entries(counts)
    .filter(([, v]) => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ')}`;
}
