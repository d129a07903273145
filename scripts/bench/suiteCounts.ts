import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchSection } from './benchTypes.js';

/** Flattens a JSON report into `path: number` rows. */
function numbers(value: unknown, prefix = ''): [string, number][] {
  if (typeof value === 'number') return [[prefix, value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => numbers(v, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}

/**
 * Runs the crash suite and the hostile-input suite (the same Mocha files `npm test` runs) in this
 * benchmark run, and reports the counts they write (requests tried, acknowledged, kills, failures…).
 */
export function suiteCounts(root: string): BenchSection {
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'),
      '--no-config',
      '--node-option',
      'import=tsx',
      '--require',
      'test/support/rootHooks.ts',
      '--timeout',
      '300000',
      '--exit',
      'test/faults/*.test.ts',
      'test/hostile/*.test.ts',
    ],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const summary = /(\d+) passing[\s\S]*?(?:(\d+) failing)?/.exec(run.stdout);
  const ratios: BenchSection['ratios'] = [
    {
      name: 'suite tests passed',
      value: Number(summary?.[1] ?? 0),
      explanation: 'crash and hostile-input suites',
    },
    {
      name: 'suite tests failed',
      value: Number(/(\d+) failing/.exec(run.stdout)?.[1] ?? 0),
      explanation: `mocha exit ${run.status}`,
    },
  ];
  for (const file of ['faults-last-run.json', 'hostile-last-run.json']) {
    const path = join(root, 'docs', file);
    if (!existsSync(path)) continue;
    for (const [name, value] of numbers(JSON.parse(readFileSync(path, 'utf8')))) {
      ratios.push({
        name: `${file.replace('-last-run.json', '')}: ${name}`,
        value,
        explanation: 'count from this run',
      });
    }
  }
  return {
    title: 'Crash and hostile-input suites',
    description:
      'The crash suite (server killed with SIGKILL under load, database engine killed under the server) and the ' +
      'hostile-input suite (schemathesis against the OpenAPI document for each role, Socket.IO fuzzing), run ' +
      'as part of this benchmark run; their counts come from this run.',
    figures: [],
    ratios,
  };
}
