import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

/** Where the hostile-input suites leave their counts (read by the benchmark report). */
export const HOSTILE_REPORT_PATH = fileURLToPath(
  new URL('../../docs/hostile-last-run.json', import.meta.url),
);

/** The machine-readable record of the last hostile-input run: one section per suite. */
export interface HostileReport {
  generatedAt: string;
  node: string;
  sections: Record<string, unknown>;
}

/**
 * Records one suite's counts in `docs/hostile-last-run.json`, keeping the other suites' sections
 * (each suite of the run writes its own section when it finishes). Written as Prettier formats it,
 * so `npm run lint` passes after a test run.
 */
export async function recordHostileSection(name: string, section: unknown): Promise<void> {
  let sections: Record<string, unknown> = {};
  if (existsSync(HOSTILE_REPORT_PATH)) {
    try {
      const previous = JSON.parse(readFileSync(HOSTILE_REPORT_PATH, 'utf8')) as Partial<HostileReport>;
      if (previous.sections && typeof previous.sections === 'object') sections = previous.sections;
    } catch {
      // an unreadable report is replaced
    }
  }
  const report: HostileReport = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    sections: { ...sections, [name]: section },
  };
  const options = (await resolveConfig(HOSTILE_REPORT_PATH)) ?? {};
  const text = await format(JSON.stringify(report), { ...options, filepath: HOSTILE_REPORT_PATH });
  const tmp = `${HOSTILE_REPORT_PATH}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, HOSTILE_REPORT_PATH);
}
