import { Agent, get as httpGet } from 'node:http';
import { gunzipSync, inflateSync } from 'node:zlib';
import autocannon from 'autocannon';
import {
  fileBenchCase,
  benchApi,
  benchLogin,
  caseInSession,
  casesInSession,
  mediatorToken,
  type BenchServer,
} from './benchServerHandle.js';
import type { BenchFigure, BenchSection } from './benchTypes.js';
import { latencyFigure } from './latencyFigure.js';

/** A figure from samples taken over `seconds`. */
const fromSamples = (name: string, samples: number[], seconds: number): BenchFigure =>
  latencyFigure(name, samples, samples.length / seconds);

/**
 * Runs autocannon and keeps every 2xx response time at full (sub-millisecond) resolution: autocannon's
 * own histogram rounds to whole milliseconds, which makes p50 of a fast route read 0.
 */
async function cannon(
  name: string,
  opts: autocannon.Options,
): Promise<BenchFigure & { errors: number; non2xx: number; seconds: number; latencies: number[] }> {
  const samples: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ connections: 10, duration: 5, ...opts }, (err, result) =>
      err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(result),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
    });
  });
  const figure = fromSamples(name, samples, r.duration);
  return {
    ...figure,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    seconds: r.duration,
    latencies: samples,
  };
}

/** How many cases in session the action benchmarks take turns on. */
const ACTION_CASES = 50;

/** Tokens of the demo users the benchmarks act as. */
export async function benchTokens(url: string): Promise<Record<string, string>> {
  const who = ['complainant', 'admin', 'mediator', 'mediator2', 'respondent', 'center'];
  const tokens = await Promise.all(who.map((w) => benchLogin(url, w)));
  return Object.fromEntries(who.map((w, i) => [w, tokens[i]!]));
}

/** Every order of the HTTP section's three measurements, each run once. */
const SLICE_ORDERS = [
  ['action', 'floor', 'indexed'],
  ['floor', 'indexed', 'action'],
  ['indexed', 'action', 'floor'],
  ['action', 'indexed', 'floor'],
  ['indexed', 'floor', 'action'],
  ['floor', 'action', 'indexed'],
] as const;

/**
 * An action over HTTP against the engine's one-commit floor (insert + update in one transaction), and an Express JSON route
 * (through every middleware of the app) against bare node:http.
 */
export async function httpBench(server: BenchServer, tokens: Record<string, string>): Promise<BenchSection> {
  const express = await cannon('Express JSON route (GET /healthz, all middleware), 10 connections', {
    url: `${server.url}/healthz`,
  });
  const plain = await cannon('floor: bare node:http JSON, 10 connections', { url: server.plainUrl });
  // actions go round ACTION_CASES cases in session, so no case's history grows past what a real one has
  const caseIds = await casesInSession(server.url, tokens, 'HTTP benchmark case', ACTION_CASES);
  const mediatorOf = await Promise.all(
    caseIds.map(async (id) => (await benchApi(server.url, `/api/cases/${id}`, tokens.admin)).mediatorId),
  );
  const caseId = caseIds[0]!;
  let turn = 0;
  const actionName = 'action over HTTP (auth, load, transition, append, projection, effects, fan-out)';
  const actionSlice = () =>
    cannon(actionName, {
      url: server.url,
      connections: 1,
      duration: 1,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const i = turn++ % caseIds.length;
            const token = mediatorToken(tokens, mediatorOf[i]);
            return {
              ...req,
              path: `/api/cases/${caseIds[i]}/actions`,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ type: 'RECORD_SESSION', notes: 'benchmark session' }),
            };
          },
        },
      ],
    });
  // the action and its two floors take turns, 1 s each, in every one of their six orders (one round each):
  // a change of load, and what one leaves the engine doing after it, falls on all three alike
  const actionLatencies: number[] = [];
  const floorLatencies: number[] = [];
  const indexedLatencies: number[] = [];
  let actionSeconds = 0;
  let failed = 0;
  const slices = {
    action: async () => {
      const part = await actionSlice();
      actionLatencies.push(...part.latencies);
      actionSeconds += part.seconds;
      failed += part.errors + part.non2xx;
    },
    floor: async () => {
      const { latencies } = await server.ask<{ latencies: number[] }>('floor', { ms: 1000, caseId });
      floorLatencies.push(...latencies);
    },
    indexed: async () => {
      const { latencies } = await server.ask<{ latencies: number[] }>('indexedFloor', { ms: 1000, caseId });
      indexedLatencies.push(...latencies);
    },
  };
  // one untimed turn of each first: the first second of actions after setting up runs cold (its p50
  // measured 9.9 ms against 8.3–8.7 for later seconds in a probe of 48 turns)
  await actionSlice();
  await server.ask('floor', { ms: 1000, caseId });
  await server.ask('indexedFloor', { ms: 1000, caseId });
  for (const order of SLICE_ORDERS) for (const name of order) await slices[name]();
  const action = fromSamples(actionName, actionLatencies, actionSeconds);
  const floor = fromSamples(
    'floor: one transaction (insert of the event + update of the projection), driver withTransaction',
    floorLatencies,
    SLICE_ORDERS.length,
  );
  const indexed = fromSamples(
    "the same change on collections indexed like Sevenfold's (case_events' and cases' indexes), one transaction",
    indexedLatencies,
    SLICE_ORDERS.length,
  );
  if (failed > 0) throw new Error(`the action benchmark had ${failed} errors or non-2xx answers`);
  return {
    title: 'HTTP',
    description:
      'autocannon against the server process (loopback). The action is RECORD_SESSION by the assigned mediator, ' +
      `taken in turn on ${ACTION_CASES} mediation cases in session (so each case records a few dozen sessions ` +
      'over the run, not thousands), one connection. Each change is one transaction ' +
      "(the event insert and the update of the projection fields that changed), so its floor is the engine's bare " +
      "one-commit cost: a copy of that case's last event inserted and its projection copy updated in ONE " +
      'transaction through the driver (`session.withTransaction`), measured in the server process. A third ' +
      "measurement, the same change on copies indexed like Sevenfold's collections, tells the engine's charge for " +
      "the lists' indexes apart from the pipeline's own work. After one untimed second of each, the three take " +
      'turns, 1 s each, once in each of their six orders, so a change of load on the shared machine, and what ' +
      'one leaves the engine doing, falls on all three alike.',
    figures: [express, plain, action, floor, indexed],
    ratios: [
      {
        name: 'Express route ÷ node:http (p50 latency)',
        value: express.p50Ms / Math.max(plain.p50Ms, 0.001),
        explanation:
          'cost of Express 5, security headers, the request log, metrics and request ids (CPU by part: the middleware section)',
      },
      {
        name: 'node:http ÷ Express route (requests per second)',
        value: plain.opsPerSec / Math.max(express.opsPerSec, 0.001),
        explanation: 'throughput given up for the middleware',
      },
      {
        name: 'action over HTTP ÷ one-commit floor (p50 latency)',
        value: action.p50Ms / Math.max(floor.p50Ms, 0.001),
        explanation:
          'a full authorised, validated, hash-chained action (load, commit, effects, fan-out) against one bare ' +
          'insert + update transaction (target ≤ 2)',
      },
      {
        name: "the same change on collections indexed like Sevenfold's ÷ one-commit floor (p50 latency)",
        value: indexed.p50Ms / Math.max(floor.p50Ms, 0.001),
        explanation:
          "the engine's charge for the indexes the lists need, before any of Sevenfold's own work: the embedded " +
          'engine rewrites every index entry of the case on each update',
      },
      {
        name: "action over HTTP ÷ the same change on collections indexed like Sevenfold's (p50 latency)",
        value: action.p50Ms / Math.max(indexed.p50Ms, 0.001),
        explanation:
          'what the request pipeline (HTTP, authentication, validation, machine, hash chain, effects, fan-out, ' +
          'the answer) adds to the writes an action must make',
      },
    ],
  };
}

/**
 * One home page's requests, as the web client issues them when it opens (client/src: admin/deskQueues.ts,
 * useDeskCases.ts, DeskPage and CaseWorkbench; mediator/mediatorQueue.ts and MediatorConsole;
 * center/centerQueue.ts and CenterDashboard; cases/myCasesQuery.ts and MyCasesPage; stats/StatsPage;
 * app/screens.ts, which starts the first round with the page's code). Paths keep the client's
 * parameter order.
 */
export interface HomeRound {
  label: string;
  /** Who asks (a key of the tokens). */
  as: string;
  /** The requests sent at once. */
  paths: string[];
  /** Requests that follow once the first round is in (from its answers), sent at once; none if empty. */
  then?: (answers: unknown[]) => string[];
  /** A known scan of every case (by design), reported but not held to the growth target. */
  scan?: boolean;
  /** Untimed (and not counted), before each visit: a change the visit must show. */
  before?: (url: string, as: Record<string, string>) => Promise<void>;
}

/**
 * The intake desk's first round: one request with the queue badges and the first page of the queue an
 * admin opens (screening), as admin/deskQueues.ts asks it.
 */
const DESK_PATHS = ['/api/cases/desk?queue=screening&page=1&limit=20'];
/** The desk's workbench: the first case of the queue, with its actions (its events only in channel). */
const deskWorkbench = (answers: unknown[]): string[] => {
  const first = (answers[0] as { cases?: { items?: { id: string }[] } }).cases?.items?.[0]?.id;
  return first ? [`/api/cases/${first}`, `/api/cases/${first}/actions`] : [];
};
const DESK_LABEL = 'intake desk (admin home): counts + first page of the screening queue, one request';
const DESK_FULL_LABEL = 'intake desk (admin home), then the workbench of its first case';
const DESK_CHANGED_LABEL = 'intake desk (admin home) after a case of its queue changed: the page read again';

/**
 * A change in the screening queue before each visit of the desk, so no page kept by the server is
 * usable (`listPageMemo`): a case of the queue asked for information, then giving it (both keep it in
 * the queue), in turn. The case is filed at the first change.
 */
function screeningQueueChange(): NonNullable<HomeRound['before']> {
  // per server: the rounds are sent to several benchmark servers, each with its own database
  const changing = new Map<string, { caseId: string; asked: boolean }>();
  return async (url, as) => {
    let state = changing.get(url);
    if (!state) {
      const caseId = await fileBenchCase(url, as, 'Desk benchmark: a case of the queue that changes');
      changing.set(url, (state = { caseId, asked: false }));
    }
    await benchApi(
      url,
      `/api/cases/${state.caseId}/actions`,
      state.asked ? as.complainant : as.admin,
      state.asked
        ? { type: 'PROVIDE_INFO', note: 'The licence is attached.' }
        : { type: 'REQUEST_INFO', items: ['licence'] },
    );
    state.asked = !state.asked;
    // what the action leaves running (notifications, fan-out) settles before the visit
    await new Promise((resolve) => setTimeout(resolve, 20));
  };
}

/** Each role's home page as the web client opens it. */
export const HOME_ROUNDS: HomeRound[] = [
  { label: DESK_LABEL, as: 'admin', paths: DESK_PATHS },
  { label: DESK_FULL_LABEL, as: 'admin', paths: DESK_PATHS, then: deskWorkbench },
  { label: DESK_CHANGED_LABEL, as: 'admin', paths: DESK_PATHS, before: screeningQueueChange() },
  {
    label: 'mediator console (mediator home)',
    as: 'mediator',
    paths: ['/api/cases?assignee=me&limit=100&sort=nextDueAt&open=true&withActions=true'],
  },
  {
    label: 'mediator console of a synthetic mediator with history',
    as: 'benchMediator',
    paths: ['/api/cases?assignee=me&limit=100&sort=nextDueAt&open=true&withActions=true'],
  },
  {
    label: 'protection-center dashboard (officer home): open cases + stats at once',
    as: 'center',
    paths: ['/api/cases?limit=100&sort=nextDueAt&open=true', '/api/stats'],
  },
  {
    label: 'my cases (rights-holder home)',
    as: 'complainant',
    paths: ['/api/cases?open=true&page=1&limit=20&sort=-updatedAt'],
  },
  {
    label: 'my cases (respondent home)',
    as: 'respondent',
    paths: ['/api/cases?open=true&page=1&limit=20&sort=-updatedAt'],
  },
  {
    label: 'admin "all cases" (my cases, scope all): every case, newest first',
    as: 'admin',
    paths: ['/api/cases?page=1&limit=20&sort=-updatedAt'],
  },
  {
    label: 'known scan: statistics page (admin, every case)',
    as: 'admin',
    paths: ['/api/stats'],
    scan: true,
  },
];

/** A browser's connections to one host (HTTP/1.1): up to 6, kept alive. */
const browserAgent = new Agent({ keepAlive: true, maxSockets: 6 });

/** GETs a path as a browser would (gzip accepted and decoded); resolves with the status and the body. */
export function browserGet(url: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpGet(
      url,
      {
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          'accept-encoding': 'gzip, deflate',
        },
        agent: browserAgent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          const body =
            encoding === 'gzip' ? gunzipSync(raw) : encoding === 'deflate' ? inflateSync(raw) : raw;
          resolve({ status: res.statusCode ?? 0, body: body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

/**
 * Times a home page: its first round (all at once, like a page's first requests) and, when it has one,
 * the round that follows from the answers; back to back for `ms` after one untimed warm-up (a home
 * slower than `ms` is timed once, the warm-up being its sample). Resolves with the `total` of each
 * list answer of the first round.
 */
async function timeHome(
  base: string,
  home: HomeRound,
  as: Record<string, string>,
  ms: number,
): Promise<{ samples: number[]; seconds: number; totals: number[]; first: number }> {
  const token = as[home.as] ?? '';
  const send = async (paths: string[]) => {
    const answers = await Promise.all(paths.map((p) => browserGet(`${base}${p}`, token)));
    answers.forEach((a, i) => {
      if (a.status !== 200) throw new Error(`${paths[i]}: ${a.status} ${a.body.slice(0, 200)}`);
    });
    return answers.map((a) => JSON.parse(a.body) as unknown);
  };
  const visit = async () => {
    await home.before?.(base, as);
    const t0 = performance.now();
    const first = await send(home.paths);
    const next = home.then?.(first) ?? [];
    if (home.then && next.length === 0)
      throw new Error(`${home.label}: nothing to open after the first round`);
    if (next.length) await send(next);
    const elapsed = performance.now() - t0;
    return { elapsed, totals: first.map((a) => (a as { total?: number }).total ?? -1) };
  };
  const warm = await visit();
  // a slow first visit is the only one, unless later visits are served from memory (dashboard figures)
  const cached = home.paths.some((p) => p.startsWith('/api/stats'));
  if (warm.elapsed >= ms && !cached)
    return {
      samples: [warm.elapsed],
      seconds: warm.elapsed / 1000,
      totals: warm.totals,
      first: warm.elapsed,
    };
  const samples: number[] = [];
  const t0 = performance.now();
  while (performance.now() - t0 < ms) samples.push((await visit()).elapsed);
  return { samples, seconds: (performance.now() - t0) / 1000, totals: warm.totals, first: warm.elapsed };
}

/**
 * Each role's home page as the collection grows (1k → 10k → 100k synthetic projections of a platform
 * whose closed history accumulates while its open queues stay bounded: see syntheticCases.ts), the
 * intake desk against a bare GET /healthz on the same server, and two known full scans.
 */
export async function listBench(
  server: BenchServer,
  tokens: Record<string, string>,
  sizes: number[] = [1_000, 10_000, 100_000],
  /** Called once each size is timed, with the tokens of every home's account (to count round trips). */
  onSize?: (size: number, as: Record<string, string>) => Promise<void>,
): Promise<BenchSection> {
  const figures: BenchFigure[] = [];
  const ratios: BenchSection['ratios'] = [];
  const first: Record<string, { size: number; p50: number }> = {};
  // the template of the synthetic cases: a real case, filed and driven into a mediation session
  const templateId = await caseInSession(server.url, tokens, 'List benchmark template case');
  // a synthetic mediator (an account like the demo mediator's) whose history grows with the platform
  await server.ask('addUser', { id: 'u-bench-mediator-0', like: 'u-mediator' });
  const as: Record<string, string> = {
    ...tokens,
    benchMediator: (
      await benchApi(server.url, '/api/auth/login', undefined, {
        email: 'u-bench-mediator-0@bench.local',
        password: 'sevenfold-demo',
      })
    ).token as string,
  };
  const deskAt: { size: number; desk: number; changed: number; full: number; healthz: number }[] = [];
  const seeding: string[] = [];
  let real = 0;
  for (const size of sizes) {
    const have = await server.ask<{ synthetic: number }>('addCases', { count: 0 });
    if (have.synthetic < size) {
      process.stdout.write(`  adding ${size - have.synthetic} synthetic cases…\n`);
      const added = await server.ask<{ total: number; synthetic: number; perSecond: number }>('addCases', {
        count: size - have.synthetic,
        templateId,
      });
      real = added.total - added.synthetic;
      seeding.push(
        `${(size - have.synthetic).toLocaleString('en')} to ${size.toLocaleString('en')} at ${added.perSecond.toFixed(0)} cases/s`,
      );
    }
    const sizeLabel = `${size.toLocaleString('en')} cases`;
    const healthz = await timeHome(
      server.url,
      { label: 'healthz', as: 'nobody', paths: ['/healthz'] },
      {},
      2000,
    );
    const healthFigure = fromSamples(
      `GET /healthz (floor), one at a time — ${sizeLabel}`,
      healthz.samples,
      healthz.seconds,
    );
    figures.push(healthFigure);
    const p50: Record<string, number> = {};
    for (const home of HOME_ROUNDS) {
      const counts = home.paths.some((p) => p.startsWith('/api/stats'));
      // dashboard figures are served from memory for STATS_CACHE_SECONDS: the first visit counts them
      if (counts) await server.ask('clearStats');
      const timed = await timeHome(server.url, home, as, 3000);
      const f = fromSamples(`${home.label} — ${sizeLabel}`, timed.samples, timed.seconds);
      figures.push(f);
      if (counts) {
        const cold = fromSamples(
          `${home.label}, first visit (figures counted) — ${sizeLabel}`,
          [timed.first],
          1,
        );
        figures.push(cold);
        const base = first[`${home.label} (cold)`];
        if (!base) first[`${home.label} (cold)`] = { size, p50: cold.p50Ms };
        else {
          ratios.push({
            name: `${home.label}, first visit (figures counted): ${size / 1000}k ÷ ${base.size / 1000}k`,
            value: cold.p50Ms / Math.max(base.p50, 0.001),
            explanation:
              'one count of the filings of the past year: grows with a year of filings, not with the stored history',
          });
        }
      }
      p50[home.label] = f.p50Ms;
      const totals = timed.totals.filter((t) => t >= 0);
      process.stdout.write(
        `  ${f.name}: p50 ${f.p50Ms.toFixed(1)} ms${totals.length ? ` (list total ${totals.join(', ')})` : ''}\n`,
      );
      const base = first[home.label];
      if (!base) first[home.label] = { size, p50: f.p50Ms };
      else {
        ratios.push({
          name: `${home.label}: ${size / 1000}k ÷ ${base.size / 1000}k (p50)`,
          value: f.p50Ms / Math.max(base.p50, 0.001),
          explanation: home.scan
            ? 'reads every case by design: grows with the collection'
            : 'how the home page grows with the platform (target ≤ 3 at 100k ÷ 1k)',
        });
      }
    }
    await onSize?.(size, as);
    deskAt.push({
      size,
      desk: p50[DESK_LABEL]!,
      changed: p50[DESK_CHANGED_LABEL]!,
      full: p50[DESK_FULL_LABEL]!,
      healthz: healthFigure.p50Ms,
    });
  }
  const desk = deskAt.find((d) => d.size === 10_000) ?? deskAt[deskAt.length - 1];
  if (desk) {
    const at = `${desk.size.toLocaleString('en')} cases`;
    ratios.push(
      {
        name: `intake desk home ÷ GET /healthz at ${at} (p50)`,
        value: desk.desk / Math.max(desk.healthz, 0.001),
        explanation:
          "the desk's first round (one request: the queue counts and the first page of its queue) against the bare route of the same server (target ≤ 20); nothing in the queue changed since the last visit, so the server answers from the page it kept at the queue's version",
      },
      {
        name: `intake desk home after a change in its queue ÷ GET /healthz at ${at} (p50)`,
        value: desk.changed / Math.max(desk.healthz, 0.001),
        explanation:
          'the same first round when a case of the queue changed just before (a commit moved the queue version): the tallies, then the page read again from the {deskQueue, filedAt} index',
      },
      {
        name: `intake desk home with its workbench ÷ GET /healthz at ${at} (p50)`,
        value: desk.full / Math.max(desk.healthz, 0.001),
        explanation:
          'the first round, then the first case and its actions: what the desk waits for before it shows a case',
      },
    );
  }
  return {
    title: 'Case lists',
    description:
      "Each role's home page, timed as the web client opens it: the requests it sends at once (up to 6 kept-alive " +
      'connections like a browser, gzip accepted) and, for the intake desk, the workbench requests that follow; back ' +
      'to back for 3 s after one warm-up visit (once when a visit takes longer). Pages with dashboard figures ' +
      '(/api/stats) are timed as repeat visits within STATS_CACHE_SECONDS (figures served from memory) and, on a ' +
      'row of their own, as the warm-up visit that counted them (the cache emptied first). Requests: ' +
      HOME_ROUNDS.map(
        (h) =>
          `${h.label} — ${h.paths.join(' + ')}${h.then ? ', then /api/cases/:id + /api/cases/:id/actions' : ''}${h.before ? ' (each visit after an untimed action on a case of the queue)' : ''}`,
      ).join('; ') +
      `. The platform grows to ${sizes.map((n) => n.toLocaleString('en')).join(', then ')} synthetic cases ` +
      `(plus ${real} real case${real === 1 ? '' : 's'} filed through the API). Model of the synthetic cases ` +
      '(scripts/bench/syntheticCases.ts): a platform whose history grows — one case updated every 30 minutes, cases ' +
      'lasting weeks to months, so the 600 most recently updated are open (screening, awaiting information, triage, ' +
      'in a channel, resolved, compliance) and every older one is closed; rights holders and respondents are ' +
      'synthetic users with about 20 cases each whatever the size; organisations are the demo organisations of each ' +
      'channel (a protection center for the administrative fast track); mediators, arbitrators and investigators ' +
      "come from fixed synthetic pools (10 mediators), so an assignee's and an organisation's closed history grow " +
      'with the platform. viewerKeys, assigneeIds, participantIds, open, deskQueue, attentionAt, clocks and nextDueAt ' +
      "are derived from each case's status, stage, organisation and assignees as the store derives them; snapshot " +
      'and complaint are those of a real mediation case. The demo accounts signed in keep only their own real ' +
      'cases; "a synthetic mediator with history" is an account made for u-bench-mediator-0 of the pool. Synthetic ' +
      `projections inserted (insertMany, 1,000 a batch): ${seeding.join('; ') || 'none'}. Rows named "known scan" ` +
      'read every case by design (docs/database.md).',
    figures,
    ratios,
  };
}

/** Sustained transitions per second of the last report on FerretDB 1.24 (2026-11-24), the "before". */
const FERRETDB_SUSTAINED = 41.7;

/** Cases each saturation worker cycles through, so that no case's session list grows unrealistically long. */
const CASES_PER_WORKER = 3;

/**
 * Saturation: closed-loop workers, each acting on its own cases in turn (no seq conflicts), probing
 * 1…16 workers; the most workers with p99 under 250 ms and no errors then run for 60 s.
 */
export async function saturationBench(
  server: BenchServer,
  tokens: Record<string, string>,
): Promise<BenchSection> {
  const maxWorkers = 16;
  const cases = await casesInSession(server.url, tokens, 'Saturation case', maxWorkers * CASES_PER_WORKER);
  const mediatorOf = new Map<string, string>();
  for (const id of cases) {
    const view = await benchApi(server.url, `/api/cases/${id}`, tokens.admin);
    mediatorOf.set(id, mediatorToken(tokens, view.mediatorId));
  }
  async function run(workers: number, seconds: number): Promise<{ figure: BenchFigure; errors: number }> {
    const samples: number[] = [];
    let errors = 0;
    const end = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: workers }, async (_, w) => {
        const mine = cases.filter((_id, i) => i % maxWorkers === w);
        for (let n = 0; Date.now() < end; n++) {
          const id = mine[n % mine.length]!;
          const t0 = performance.now();
          const res = await fetch(`${server.url}/api/cases/${id}/actions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${mediatorOf.get(id)}` },
            body: JSON.stringify({ type: 'RECORD_SESSION', notes: `load ${n}` }),
          });
          await res.arrayBuffer();
          if (res.ok) samples.push(performance.now() - t0);
          else errors++;
        }
      }),
    );
    return { figure: fromSamples(`${workers} workers, ${seconds} s`, samples, seconds), errors };
  }
  const probes: BenchFigure[] = [];
  let best = 0;
  for (const workers of [1, 2, 4, 8, 16]) {
    const { figure, errors } = await run(workers, 8);
    probes.push({ ...figure, name: `probe: ${figure.name}${errors ? `, ${errors} errors` : ''}` });
    if (figure.p99Ms < 250 && errors === 0) best = workers;
    else break;
  }
  const sustained = await run(Math.max(best, 1), 60);
  const held = sustained.figure.p99Ms < 250 && sustained.errors === 0;
  return {
    title: 'Saturation',
    description:
      `Transitions per second the server sustains: each worker sends RECORD_SESSION back to back to its own ${CASES_PER_WORKER} ` +
      'mediation cases in turn. Probes of 8 s with 1, 2, 4, 8, 16 workers; the largest with p99 under 250 ms and no errors ' +
      'then runs for 60 s.',
    figures: [...probes, { ...sustained.figure, name: `sustained: ${sustained.figure.name}` }],
    ratios: [
      {
        name: held
          ? 'sustained transitions per second (p99 < 250 ms, no errors)'
          : 'transitions per second for 60 s (p99 under 250 ms NOT held)',
        value: sustained.figure.opsPerSec,
        explanation: `${Math.max(best, 1)} workers for 60 s; p99 ${sustained.figure.p99Ms.toFixed(0)} ms; ${sustained.errors} errors`,
      },
      {
        name: 'before: sustained transitions per second on FerretDB 1.24 (SQLite)',
        value: FERRETDB_SUSTAINED,
        explanation:
          'NOT measured in this run: the figure of the last report on the old engine (docs/benchmarks.md of ' +
          '2026-11-24, 4 workers for 60 s, p99 188 ms), for comparison',
      },
      {
        name: 'sustained now ÷ before (FerretDB)',
        value: sustained.figure.opsPerSec / FERRETDB_SUSTAINED,
        explanation: 'this run against the FerretDB figure above',
      },
    ],
  };
}
