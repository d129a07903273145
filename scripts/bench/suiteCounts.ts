import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchSection } from './benchTypes.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** The counts of the crash suite worth reading, per fault (server or engine killed). */
const FAULT_COUNTS: [string, string][] = [
  ['kills', 'server SIGKILLs (killsDuringStart of them while it was starting)'],
  ['killsDuringStart', 'kills while the server was still starting'],
  ['engineKills', 'database engine SIGKILLs under a running server'],
  ['requests', 'requests sent under the steady load'],
  ['acknowledged', 'actions acknowledged (2xx)'],
  ['acknowledgedChecked', 'acknowledged actions found in the log afterwards'],
  ['unacknowledgedButCommitted', 'unacknowledged actions that had been committed (allowed, not lost)'],
  ['writesRefused503', 'writes refused with 503 while the engine was down'],
  ['casesVerified', 'case logs whose hash chain verified and whose projection equals the replay'],
  ['eventsVerified', 'events verified'],
  ['clocksMadeDue', 'clocks that came due'],
  ['clocksFiredOnce', 'clocks that fired exactly once'],
  ['serverErrors', '5xx answers other than 503'],
  ['problems', 'problems found (lost, duplicated, broken chain, projection ≠ replay, clock not once)'],
];

/** Rows of the report from the two suites' JSON files, each marked stale when this run did not write it. */
export function reportRows(root: string, since: Date): BenchSection['ratios'] {
  const rows: BenchSection['ratios'] = [];
  const read = (file: string): Json => {
    const path = join(root, 'docs', file);
    return existsSync(path) ? obj(JSON.parse(readFileSync(path, 'utf8'))) : {};
  };
  const fresh = (at: unknown) => typeof at === 'string' && new Date(at) >= since;

  const faults = read('faults-last-run.json');
  for (const [fault, label] of [
    ['serverCrash', 'server killed'],
    ['databaseCrash', 'engine killed'],
  ] as const) {
    const section = obj(faults[fault]);
    const note = fresh(section.at) ? '' : ' (NOT from this run)';
    for (const [key, meaning] of FAULT_COUNTS) {
      if (typeof section[key] !== 'number') continue;
      rows.push({ name: `crash, ${label}: ${key}`, value: num(section[key]), explanation: meaning + note });
    }
  }

  const hostile = read('hostile-last-run.json');
  const note = fresh(hostile.generatedAt) ? '' : ' (NOT from this run)';
  const sections = obj(hostile.sections);
  const st = obj(sections.schemathesis);
  const totals = obj(st.totals);
  rows.push(
    {
      name: 'schemathesis: operations',
      value: num(totals.operations),
      explanation: `${String(st.tool)}${note}`,
    },
    { name: 'schemathesis: test cases', value: num(totals.testCases), explanation: `all roles${note}` },
    {
      name: 'schemathesis: requests',
      value: num(totals.requests),
      explanation: `counted by the server${note}`,
    },
    { name: 'schemathesis: failures', value: num(totals.failures), explanation: `checks failed${note}` },
    {
      name: 'schemathesis: 5xx in the run',
      value: num(st.serverErrorsInRun),
      explanation: `other than 503${note}`,
    },
  );
  for (const role of Array.isArray(st.roles) ? st.roles.map(obj) : []) {
    rows.push({
      name: `schemathesis as ${String(role.role)}: requests`,
      value: num(role.requests),
      explanation: `${num(role.testCases)} test cases (${String(role.phases)}), ${num(role.failures)} failures${note}`,
    });
  }
  const fuzz = obj(sections.socketFuzz);
  rows.push(
    {
      name: 'Socket.IO fuzz: packets tried',
      value: num(obj(fuzz.totals).tried),
      explanation: `all categories${note}`,
    },
    {
      name: 'Socket.IO fuzz: failures',
      value: num(obj(fuzz.totals).failures),
      explanation: `server down, no error ack, or a wrong answer${note}`,
    },
  );
  for (const [category, value] of Object.entries(obj(fuzz.categories))) {
    const c = obj(value);
    rows.push({
      name: `Socket.IO fuzz, ${category}: tried`,
      value: num(c.tried),
      explanation: `acks ${JSON.stringify(c.acks ?? {})}, disconnected ${num(c.disconnected)}, failures ${num(c.failures)}${note}`,
    });
  }
  return rows;
}

/**
 * Runs the crash suite and the hostile-input suite (the same Mocha files `npm test` runs) in this
 * benchmark run, and reports the counts they write (requests tried, acknowledged, kills, failures…).
 */
export function suiteCounts(root: string): BenchSection {
  const started = new Date();
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
  ratios.push(...reportRows(root, started));
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
