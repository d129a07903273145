import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import { Registry } from 'prom-client';
import { createHttpMetrics } from '../../server/metrics/httpMetrics.js';
import { platformParts, type PlatformParts } from '../../server/http/platformMiddleware.js';
import type { BenchFigure, BenchSection } from './benchTypes.js';

const run = promisify(execFile);

/** Requests per measurement, sent by a separate process over 10 connections (its CPU is not counted). */
const REQUESTS = Number(process.env.BENCH_MIDDLEWARE_REQUESTS ?? 10_000);
/** Rounds over every variant, interleaved; each variant's figure is its median round (the machine is shared). */
const ROUNDS = Number(process.env.BENCH_MIDDLEWARE_ROUNDS ?? 5);
/** Sent like a browser: compression negotiates on every request (a small JSON answer stays uncompressed). */
const BROWSER_HEADERS = ['-H', 'accept-encoding=gzip, deflate, br', '-H', 'accept=application/json'];

/** Listens on a free loopback port; resolves the URL of `/healthz`. */
async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
}

/** Express with the given middleware in front of the same JSON route `GET /healthz` as the app. */
function expressWith(middleware: RequestHandler[]): Server {
  const app = express();
  app.disable('x-powered-by');
  for (const m of middleware) app.use(m);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  return createServer(app);
}

/** CPU microseconds this process spends per request while another process sends {@link REQUESTS}. */
async function cpuPerRequest(url: string): Promise<{ cpuUs: number; seconds: number }> {
  const cli = new URL('../../node_modules/autocannon/autocannon.js', import.meta.url).pathname;
  await run(process.execPath, [cli, '-c', '10', '-a', '2000', ...BROWSER_HEADERS, '--json', url]); // warm-up (JIT)
  const before = process.cpuUsage();
  const t0 = performance.now();
  await run(process.execPath, [cli, '-c', '10', '-a', String(REQUESTS), ...BROWSER_HEADERS, '--json', url], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const used = process.cpuUsage(before);
  return { cpuUs: (used.user + used.system) / REQUESTS, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The cost of the middleware every request goes through, as server CPU per request of a bare JSON
 * route: node:http alone, Express alone, Express with each part alone, and Express with all of them
 * (the app's `platformMiddleware`), measured one after the other in this process.
 */
export async function middlewareBench(): Promise<BenchSection> {
  const logger = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: false }));
  const parts = platformParts({ logger, metrics: createHttpMetrics(new Registry()) });
  const variants: [string, Server][] = [
    [
      'node:http alone',
      createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
      }),
    ],
    ['Express alone', expressWith([])],
    ...(Object.keys(parts) as (keyof PlatformParts)[]).map((name): [string, Server] => [
      `Express + ${name} only`,
      expressWith([parts[name]]),
    ]),
    ['Express + all platform middleware (the app)', expressWith(Object.values(parts))],
    // the stack as it was: a child logger per request (pino-http), helmet's work on every request
    [
      'Express + the platform middleware as it was (pino-http, helmet per request)',
      expressWith([
        parts.metrics,
        pinoHttp({ logger }) as unknown as RequestHandler,
        helmet() as unknown as RequestHandler,
        parts.compression,
      ]),
    ],
  ];
  const rounds = new Map<string, { cpuUs: number; seconds: number }[]>();
  const urls = await Promise.all(variants.map(([, server]) => listen(server)));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, [name]] of variants.entries()) {
        const measured = await cpuPerRequest(urls[i]!);
        rounds.set(name, [...(rounds.get(name) ?? []), measured]);
      }
    }
  } finally {
    await Promise.all(variants.map(([, server]) => new Promise((r) => server.close(r))));
  }
  const figures: BenchFigure[] = [];
  const cpu: Record<string, number> = {};
  for (const [name] of variants) {
    const sorted = [...rounds.get(name)!].sort((x, y) => x.cpuUs - y.cpuUs);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    cpu[name] = median.cpuUs;
    figures.push({
      name: `${name}: server CPU per request (ms; p50 = median round, p99 = slowest round)`,
      p50Ms: median.cpuUs / 1000,
      p99Ms: sorted[sorted.length - 1]!.cpuUs / 1000,
      opsPerSec: REQUESTS / median.seconds,
      samples: REQUESTS * ROUNDS,
    });
  }
  const node = cpu['node:http alone']!;
  const bare = cpu['Express alone']!;
  const all = cpu['Express + all platform middleware (the app)']!;
  return {
    title: 'Middleware cost (server CPU per request)',
    description:
      `${REQUESTS.toLocaleString('en')} requests of GET /healthz (with a browser's Accept-Encoding) over 10 connections ` +
      `from a separate autocannon process, after a warm-up, ${ROUNDS} rounds over every variant in turn; the server ` +
      'process counts its own CPU time (process.cpuUsage) per request, and each figure is its median round. ' +
      'Each part is the one the app mounts (server/http/platformMiddleware.ts), alone in front of Express.',
    figures,
    ratios: [
      {
        name: 'Express with all platform middleware ÷ Express alone (CPU per request)',
        value: all / bare,
        explanation: 'metrics, request id and log, helmet and compression together (target ≤ 2)',
      },
      {
        name: 'Express alone ÷ node:http (CPU per request)',
        value: bare / node,
        explanation: 'what Express 5 itself costs on a bare JSON route',
      },
      ...(Object.keys(parts) as (keyof PlatformParts)[]).map((name) => ({
        name: `${name} alone: Express + ${name} ÷ Express alone`,
        value: cpu[`Express + ${name} only`]! / bare,
        explanation: `the share of ${name}`,
      })),
      {
        name: 'the platform middleware as it was ÷ as it is (CPU per request)',
        value: cpu['Express + the platform middleware as it was (pino-http, helmet per request)']! / all,
        explanation:
          'pino-http and helmet on every request, against one log line at the end and helmet’s headers recorded once',
      },
    ],
  };
}
