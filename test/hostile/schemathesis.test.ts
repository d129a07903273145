/**
 * Hostile input over HTTP: schemathesis (PyPI `schemathesis`, CLI `st`) generates valid and invalid
 * requests from `/api/openapi.json` and runs them against the real app, once per role, checking that
 * no request produces a server error, every response (status, content type, body) is the one the
 * document lists, and invalid input is rejected. The app listens on loopback only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import request from 'supertest';
import type { Complaint } from '../../shared/schemas/complaint.js';
import { designPatentSmeEcommerce, smallTrademarkMediation } from '../fixtures/complaints.js';
import { bearer } from '../support/caseApi.js';
import { login, seedDirectory, serverErrors } from '../support/testApp.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { useTestDatabase } from '../support/useTestDatabase.js';
import { recordHostileSection } from './hostileReport.js';

/** schemathesis' own crash on CPython 3.11 (hypothesis parsing a lambda's source), not a finding. */
const TOOL_CRASH = /SystemError: AST constructor recursion depth mismatch/;

/** The checks every response must pass (schemathesis v4 names). */
const CHECKS = [
  'not_a_server_error',
  'response_schema_conformance',
  'status_code_conformance',
  'content_type_conformance',
  'negative_data_rejection',
];

const num = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** Bounded for CI: examples per operation in the fuzzing phase, fixed seed, parallel runs. */
const MAX_EXAMPLES = num('HOSTILE_ST_MAX_EXAMPLES', 10);
const SEED = num('HOSTILE_ST_SEED', 20_190_601);
const PARALLEL = num('HOSTILE_ST_PARALLEL', 2);
const HOOKS = fileURLToPath(new URL('./schemathesis_hooks.py', import.meta.url));

/** The roles schemathesis runs as: a demo account each. */
const ROLES = {
  admin: 'admin@demo.local',
  complainant: 'complainant@demo.local',
  respondent: 'respondent@demo.local',
  mediator: 'mediator@demo.local',
  officer: 'center@demo.local',
} as const;
type Role = keyof typeof ROLES;

/**
 * The runs, longest first. The coverage phase (every boundary and type violation of every parameter
 * and body field: thousands of requests, almost all refused by validation before any role check)
 * runs once, as the admin; every role runs the seeded fuzzing and stateful phases.
 */
const RUNS: { role: Role; phases: string }[] = [
  { role: 'admin', phases: 'coverage' },
  { role: 'admin', phases: 'fuzzing,stateful' },
  { role: 'complainant', phases: 'fuzzing,stateful' },
  { role: 'respondent', phases: 'fuzzing,stateful' },
  { role: 'mediator', phases: 'fuzzing,stateful' },
  { role: 'officer', phases: 'fuzzing,stateful' },
];

/** The parts of schemathesis' JSON run report this test reads. */
interface StJsonReport {
  exit_code: number;
  operations: { total: number; selected: number; tested: number; errored: number; skipped: number };
  test_cases: { generated: number; with_failures: number; unique_failures: number; errored: number };
  failures: { type: string; code: string; title: string; count: number; operations: string[] }[];
  errors: unknown[];
  warnings: Record<string, unknown[]>;
}

/** What one run did. */
interface RunCounts {
  role: Role;
  phases: string;
  operationsTested: number;
  testCases: number;
  /** Requests the server received from this run (counted by the run's own header). */
  requests: number;
  responsesByClass: Record<string, number>;
  failures: number;
  errors: number;
  failureKinds: string[];
  /** Schemathesis warnings (e.g. `validation_mismatch`: operations that mostly refused generated valid data). */
  warnings: Record<string, string[]>;
  exitCode: number;
  seconds: number;
  log: string;
}

/** How to start the schemathesis CLI: `st`, or the module when pip installed no script on the PATH. */
interface StCommand {
  bin: string;
  prefix: string[];
  version: string;
}

/** Finds the schemathesis CLI (`SCHEMATHESIS_BIN`, `st`, `python3 -m schemathesis.cli`), if installed. */
function findSchemathesis(): StCommand | undefined {
  const candidates: [string, string[]][] = [
    ...(process.env.SCHEMATHESIS_BIN ? [[process.env.SCHEMATHESIS_BIN, []] as [string, string[]]] : []),
    ['st', []],
    ['python3', ['-m', 'schemathesis.cli']],
  ];
  for (const [bin, prefix] of candidates) {
    const probe = spawnSync(bin, [...prefix, '--version'], { encoding: 'utf8', timeout: 60_000 });
    const version = /version (\d+\.\d+\.\d+)/.exec(probe.stdout ?? '')?.[1];
    if (probe.status === 0 && version) return { bin, prefix, version };
  }
  return undefined;
}

/** A TOML basic string. */
const tomlString = (value: string) => JSON.stringify(value);

/** The run's configuration: hooks, and the ids that exist so path parameters reach real records. */
function writeConfig(dir: string, caseIds: string[], evidenceIds: string[]): string {
  const list = (values: string[]) => `[${values.map(tomlString).join(', ')}]`;
  const path = join(dir, 'schemathesis.toml');
  writeFileSync(
    path,
    [
      `hooks = ${tomlString(HOOKS)}`,
      '',
      '[dictionaries.caseIds]',
      `values = ${list(caseIds)}`,
      '',
      '[dictionaries.evidenceIds]',
      `values = ${list(evidenceIds)}`,
      '',
      '[parameters]',
      '"path.id" = { dictionary = "caseIds", probability = 0.8 }',
      '"path.evidenceId" = { dictionary = "evidenceIds", probability = 0.8 }',
      '',
    ].join('\n'),
  );
  return path;
}

/** Schemathesis processes still running (stopped if the suite ends early). */
const running = new Set<ChildProcess>();

/** Runs `st run` for one role; resolves with its exit code when it ends (or is stopped at `timeoutMs`). */
function runSchemathesis(
  st: StCommand,
  args: string[],
  cwd: string,
  logPath: string,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(st.bin, [...st.prefix, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', PYTHONUNBUFFERED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      writeFileSync(logPath, Buffer.concat(chunks));
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** Runs tasks with at most `limit` at a time. */
async function inPool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

const tea: Complaint = {
  ...smallTrademarkMediation,
  respondent: { ...smallTrademarkMediation.respondent, email: 'respondent@demo.local' },
};
const lamp: Complaint = {
  ...designPatentSmeEcommerce,
  respondent: { ...designPatentSmeEcommerce.respondent, email: 'respondent@demo.local' },
};

describe('hostile input: schemathesis against /api/openapi.json, once per role', function () {
  this.timeout(600_000);
  const t = useTestDatabase('schemathesis');
  let s: TestServer | undefined;
  let dir = '';
  let st: StCommand | undefined;
  const tok = {} as Record<Role, string>;
  const caseIds: string[] = [];
  const evidenceIds: string[] = [];
  /** Requests and response classes the server saw, by the run header schemathesis sends. */
  const seen = new Map<string, { requests: number; byClass: Record<string, number> }>();

  before(async function () {
    st = findSchemathesis();
    if (!st) {
      const reason =
        'schemathesis is not installed (neither `st` nor `python3 -m schemathesis.cli`): install the PyPI package "schemathesis" (python3 -m pip install schemathesis)';
      console.warn(`      skipped: ${reason}`);
      await recordHostileSection('schemathesis', { skipped: reason });
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'sevenfold-st-'));
    await seedDirectory(t.db);
    s = await startTestServer(t.db);
    s.server.prependListener('request', (req, res) => {
      const run = String(req.headers['x-hostile-run'] ?? 'other');
      const entry = seen.get(run) ?? { requests: 0, byClass: {} };
      seen.set(run, entry);
      entry.requests += 1;
      res.on('finish', () => {
        const cls = `${Math.floor(res.statusCode / 100)}xx`;
        entry.byClass[cls] = (entry.byClass[cls] ?? 0) + 1;
      });
    });

    // every sign-in first: schemathesis soon exhausts the per-IP sign-in limit (429, documented)
    for (const [role, email] of Object.entries(ROLES)) tok[role as Role] = await login(s.app, email);
    const app = s.app;
    const as = (role: Role) => bearer(tok[role]);
    const file = async (complaint: Complaint) => {
      const res = await request(app).post('/api/cases').set(as('complainant')).send(complaint).expect(201);
      return res.body as { id: string };
    };
    const act = async (role: Role, id: string, action: Record<string, unknown>) =>
      (await request(app).post(`/api/cases/${id}/actions`).set(as(role)).send(action).expect(200)).body as {
        mediatorId?: string | null;
      };

    // a mediation case with the demo mediator, evidence and a message; a fast-track case at the
    // protection center of center@demo.local; a case still in screening
    const mediation = await file({ ...tea, title: 'Hostile suite: tea trademark in mediation' });
    await act('admin', mediation.id, { type: 'ACCEPT' });
    const routed = await act('admin', mediation.id, { type: 'ROUTE', channel: 'mediation' });
    if (routed.mediatorId !== 'u-mediator') {
      // the picker balances load: hand the case to the account this suite signs in as
      await act('admin', mediation.id, { type: 'ASSIGN_MEDIATOR', mediatorId: 'u-mediator' });
    }
    await act('mediator', mediation.id, { type: 'ACCEPT_ASSIGNMENT' });
    const evidence = await request(app)
      .post(`/api/cases/${mediation.id}/evidence`)
      .set(as('complainant'))
      .attach('file', Buffer.from('Photos of the shop sign, taken on 3 March.\n'), {
        filename: 'statement.txt',
        contentType: 'text/plain',
      })
      .expect(201);
    evidenceIds.push((evidence.body as { id: string }).id);
    await request(app)
      .post(`/api/cases/${mediation.id}/messages`)
      .set(as('complainant'))
      .send({ body: 'We are open to a licence.', visibility: 'joint' })
      .expect(201);

    const fast = await file({ ...lamp, title: 'Hostile suite: copied lamp design' });
    await act('admin', fast.id, { type: 'ACCEPT' });
    await act('admin', fast.id, {
      type: 'ROUTE',
      channel: 'administrative',
      track: 'fast',
      orgId: 'org-pc-zgc',
      reason: 'SME design patent in an online listing.',
    });
    await act('officer', fast.id, { type: 'ACCEPT' });

    const screening = await file({ ...tea, title: 'Hostile suite: a complaint in screening' });
    caseIds.push(mediation.id, fast.id, screening.id);
  });

  after(async () => {
    for (const child of running) child.kill('SIGKILL');
    await s?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds no server error, no undocumented response and no accepted invalid input for any role', async () => {
    const server = s!;
    const cli = st!;
    const config = writeConfig(dir, caseIds, evidenceIds);
    const schemaUrl = `${server.url}/api/openapi.json`;
    const started = Date.now();
    const common = [
      '--checks',
      CHECKS.join(','),
      '--max-examples',
      String(MAX_EXAMPLES),
      '--seed',
      String(SEED),
      '--workers',
      '2',
      '--request-timeout',
      '30',
      '--suppress-health-check',
      'all',
      '--generation-database',
      'none',
      '--no-color',
    ];

    const tasks = RUNS.map(({ role, phases }, index) => async (): Promise<RunCounts> => {
      const name = `${index}-${role}-${phases.replace(/,/g, '-')}`;
      const reportPath = join(dir, `${name}.json`);
      const logPath = join(dir, `${name}.log`);
      const args = [
        '--config-file',
        config,
        'run',
        schemaUrl,
        '--header',
        `Authorization: Bearer ${tok[role]}`,
        '--header',
        `X-Hostile-Run: ${name}`,
        '--phases',
        phases,
        ...common,
        '--report',
        'json',
        '--report-json-path',
        reportPath,
      ];
      const t0 = Date.now();
      let exitCode = await runSchemathesis(cli, args, dir, logPath, 500_000);
      let log = readFileSync(logPath, 'utf8');
      // CPython 3.11 can fail inside hypothesis while it describes one of its own lambdas (a crash of
      // the tool, not a finding about the API): that run is repeated once, with the same seed
      if (exitCode !== 0 && TOOL_CRASH.test(log)) {
        exitCode = await runSchemathesis(cli, args, dir, logPath, 500_000);
        log = readFileSync(logPath, 'utf8');
      }
      const seconds = Math.round((Date.now() - t0) / 100) / 10;
      let report: StJsonReport;
      try {
        report = JSON.parse(readFileSync(reportPath, 'utf8')) as StJsonReport;
      } catch {
        throw new Error(`schemathesis (${name}) wrote no report, exit ${exitCode}:\n${log.slice(-4000)}`);
      }
      const traffic = seen.get(name) ?? { requests: 0, byClass: {} };
      return {
        role,
        phases,
        operationsTested: report.operations.tested,
        testCases: report.test_cases.generated,
        requests: traffic.requests,
        responsesByClass: traffic.byClass,
        failures: report.failures.reduce((n, f) => n + f.count, 0),
        errors: report.errors.length,
        failureKinds: report.failures.map((f) => `${f.code} ${f.title}: ${f.operations.join(', ')}`),
        warnings: Object.fromEntries(
          Object.entries(report.warnings)
            .filter(([, list]) => Array.isArray(list) && list.length > 0)
            .map(([kind, list]) => [
              kind,
              list.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))),
            ]),
        ),
        exitCode,
        seconds,
        log,
      };
    });
    const runs = await inPool(tasks, PARALLEL);

    const byRole = Object.keys(ROLES).map((role) => {
      const mine = runs.filter((r) => r.role === role);
      return {
        role,
        account: ROLES[role as Role],
        phases: mine.map((r) => r.phases).join(','),
        operationsTested: Math.max(...mine.map((r) => r.operationsTested)),
        testCases: mine.reduce((n, r) => n + r.testCases, 0),
        requests: mine.reduce((n, r) => n + r.requests, 0),
        failures: mine.reduce((n, r) => n + r.failures, 0),
        errors: mine.reduce((n, r) => n + r.errors, 0),
        seconds: Math.round(mine.reduce((n, r) => n + r.seconds, 0) * 10) / 10,
      };
    });
    await recordHostileSection('schemathesis', {
      tool: `schemathesis ${cli.version}`,
      command: `st run <url>/api/openapi.json --config-file <generated: hooks, existing case and evidence ids> --header "Authorization: Bearer <token of the role>" --phases <coverage | fuzzing,stateful> ${common.join(' ')} --report json`,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      totals: {
        operations: Math.max(...runs.map((r) => r.operationsTested)),
        testCases: runs.reduce((n, r) => n + r.testCases, 0),
        requests: runs.reduce((n, r) => n + r.requests, 0),
        failures: runs.reduce((n, r) => n + r.failures, 0),
        errors: runs.reduce((n, r) => n + r.errors, 0),
      },
      /** 5xx responses (other than 503) of any test app so far in this mocha run */
      serverErrorsInRun: serverErrors().length,
      roles: byRole,
      runs: runs.map(({ log: _log, ...counts }) => counts),
    });

    for (const r of runs) {
      expect(
        { failures: r.failures, errors: r.errors, exitCode: r.exitCode },
        `schemathesis as ${r.role} (${r.phases}):\n${r.failureKinds.join('\n')}\n${r.log.slice(-6000)}`,
      ).to.deep.equal({ failures: 0, errors: 0, exitCode: 0 });
      expect(r.operationsTested, `operations tested as ${r.role} (${r.phases})`).to.be.greaterThan(15);
      expect(r.requests, `requests sent as ${r.role} (${r.phases})`).to.be.greaterThan(100);
      expect(r.responsesByClass['5xx'] ?? 0, `5xx responses as ${r.role} (${r.phases})`).to.equal(0);
    }
  });
});
