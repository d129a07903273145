import { Agent, get as httpGet } from 'node:http';
import autocannon from 'autocannon';
import {
  benchApi,
  benchLogin,
  caseInSession,
  casesInSession,
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
): Promise<BenchFigure & { errors: number; non2xx: number }> {
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
  return { ...figure, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

/** GET with node:http and no time limit (fetch gives up after 300 s); resolves with the status. */
function getWithoutTimeout(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { headers, agent: keepAlive }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}
const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });

/** Tokens of the demo users the benchmarks act as. */
export async function benchTokens(url: string): Promise<Record<string, string>> {
  const who = ['complainant', 'admin', 'mediator', 'mediator2', 'respondent', 'center'];
  const tokens = await Promise.all(who.map((w) => benchLogin(url, w)));
  return Object.fromEntries(who.map((w, i) => [w, tokens[i]!]));
}

/**
 * An action over HTTP against the bare driver insert + update (its floor), and an Express JSON route
 * (through every middleware of the app) against bare node:http.
 */
export async function httpBench(server: BenchServer, tokens: Record<string, string>): Promise<BenchSection> {
  const express = await cannon('Express JSON route (GET /healthz, all middleware), 10 connections', {
    url: `${server.url}/healthz`,
  });
  const plain = await cannon('floor: bare node:http JSON, 10 connections', { url: server.plainUrl });
  const caseId = await caseInSession(server.url, tokens, 'HTTP benchmark case');
  const action = await cannon(
    'action over HTTP (auth, load, transition, append, projection, effects, fan-out)',
    {
      url: `${server.url}/api/cases/${caseId}/actions`,
      method: 'POST',
      connections: 1,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.mediator}` },
      body: JSON.stringify({ type: 'RECORD_SESSION', notes: 'benchmark session' }),
    },
  );
  const { latencies } = await server.ask<{ latencies: number[] }>('floor', { ms: 5000 });
  const floor = fromSamples('floor: bare driver insert + update of the same documents', latencies, 5);
  if (action.errors + action.non2xx > 0)
    throw new Error(`the action benchmark had ${action.non2xx} non-2xx answers`);
  return {
    title: 'HTTP',
    description:
      'autocannon against the server process (loopback). The action is RECORD_SESSION on one mediation case ' +
      'by its mediator, one connection so that each action sees the previous one; its floor is a bare driver ' +
      'insert of an event plus an update of the projection, measured in the server process right after.',
    figures: [express, plain, action, floor],
    ratios: [
      {
        name: 'Express route ÷ node:http (p50 latency)',
        value: express.p50Ms / Math.max(plain.p50Ms, 0.001),
        explanation: 'cost of Express 5, helmet, pino-http, metrics and request ids',
      },
      {
        name: 'node:http ÷ Express route (requests per second)',
        value: plain.opsPerSec / Math.max(express.opsPerSec, 0.001),
        explanation: 'throughput given up for the middleware',
      },
      {
        name: 'action over HTTP ÷ driver floor (p50 latency)',
        value: action.p50Ms / Math.max(floor.p50Ms, 0.001),
        explanation: 'a full authorised, validated, hash-chained action against two bare writes',
      },
    ],
  };
}

/** List queries as the case collection grows to 1k, 10k and 100k cases (synthetic projections). */
export async function listBench(
  server: BenchServer,
  tokens: Record<string, string>,
  sizes: number[] = [1_000, 10_000, 100_000],
): Promise<BenchSection> {
  const figures: BenchFigure[] = [];
  const ratios: BenchSection['ratios'] = [];
  const first: Record<string, number> = {};
  // the template of the synthetic cases: a real case, filed and driven into a mediation session
  const templateId = await caseInSession(server.url, tokens, 'List benchmark template case');
  for (const size of sizes) {
    const { total } = await server.ask<{ total: number }>('addCases', { count: 0 });
    if (total < size) await server.ask<{ total: number }>('addCases', { count: size - total, templateId });
    const queries: [string, string, string][] = [
      ['admin, newest first', '/api/cases?limit=20&sort=-updatedAt', tokens.admin!],
      [
        'admin, status + channel filter',
        '/api/cases?limit=20&status=inChannel&channel=mediation',
        tokens.admin!,
      ],
      ['admin, text search', '/api/cases?limit=20&q=lamp', tokens.admin!],
      ['protection-center officer (own organisation)', '/api/cases?limit=20', tokens.center!],
    ];
    for (const [label, path, token] of queries) {
      const url = `${server.url}${path}`;
      const headers = { authorization: `Bearer ${token}` };
      // back to back on one connection for 3 s; a query slower than that is timed once
      const samples: number[] = [];
      let failed = 0;
      const started = performance.now();
      while (samples.length + failed === 0 || performance.now() - started < 3000) {
        const t0 = performance.now();
        const status = await getWithoutTimeout(url, headers);
        if (status === 200) samples.push(performance.now() - t0);
        else failed++;
      }
      const name = `${label} — ${size.toLocaleString('en')} cases`;
      const f = {
        ...fromSamples(name, samples, (performance.now() - started) / 1000),
        errors: failed,
        non2xx: 0,
      };
      if (f.errors > 0) throw new Error(`${label}: ${f.errors} failed requests`);
      figures.push(f);
      first[label] ??= f.p50Ms;
      if (size > 1_000) {
        ratios.push({
          name: `${label}: ${size / 1000}k ÷ 1k (p50)`,
          value: f.p50Ms / Math.max(first[label]!, 0.001),
          explanation: 'how the cost grows with the number of cases',
        });
      }
    }
  }
  return {
    title: 'Case lists',
    description:
      '`GET /api/cases` (page of 20 with the total count) through the API, back to back on one connection for ' +
      '3 s (once when a request takes longer), after filling the projection collection with copies of a real case in ' +
      `mediation, varied in status, channel, organisation and participants (${sizes.map((n) => n.toLocaleString('en')).join(', then ')} cases). ` +
      'Every list filter is served by a declared compound index (see test/server/db/queryPlans.test.ts), so a ' +
      'page costs about the same at every size.',
    figures,
    ratios,
  };
}

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
    mediatorOf.set(id, view.mediatorId === 'u-mediator2' ? tokens.mediator2! : tokens.mediator!);
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
    ],
  };
}
