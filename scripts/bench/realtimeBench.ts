import { io as connect, type Socket } from 'socket.io-client';
import { benchApi, caseInSession, type BenchServer } from './benchServerHandle.js';
import type { BenchFigure, BenchSection } from './benchTypes.js';

interface Stats {
  rss: number;
  cpuMs: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

function figure(name: string, samples: number[], perSecond: number): BenchFigure {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    opsPerSec: perSecond,
    samples: samples.length,
  };
}

async function connectMany(url: string, token: string | undefined, n: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < n; i += 50) {
    const batch = Array.from({ length: Math.min(50, n - i) }, () =>
      connect(url, {
        auth: token ? { token } : {},
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      }),
    );
    await Promise.all(
      batch.map(
        (s) => new Promise<void>((r, j) => (s.once('connect', () => r()), s.once('connect_error', j))),
      ),
    );
    sockets.push(...batch);
  }
  return sockets;
}

/**
 * Issue 5's figures: from the HTTP response of an action to its arrival at the last of N subscribed
 * clients (N = 1, 10, 100, 1000), against a bare Socket.IO emit to N clients; deliveries per second
 * per core of server CPU; resident memory per connected socket at 1,000 sockets.
 */
export async function realtimeBench(
  server: BenchServer,
  tokens: Record<string, string>,
  rounds = 20,
): Promise<BenchSection> {
  const { url, bareUrl } = server;
  const figures: BenchFigure[] = [];
  const ratios: BenchSection['ratios'] = [];
  const caseId = await caseInSession(url, tokens, 'Realtime benchmark case');
  const complainant = tokens.complainant!;
  const view = await benchApi(url, `/api/cases/${caseId}`, tokens.admin);
  const mediator = view.mediatorId === 'u-mediator2' ? tokens.mediator2! : tokens.mediator!;

  const before = await server.ask<Stats>('stats');
  let rssAt1000 = 0;
  let cpuPerDelivery = 0;
  for (const n of [1, 10, 100, 1000]) {
    const sockets = await connectMany(url, complainant, n);
    await Promise.all(
      sockets.map((s) => new Promise((r) => s.emit('case:subscribe', { caseId, afterSeq: 1_000_000 }, r))),
    );
    if (n === 1000) rssAt1000 = (await server.ask<Stats>('stats')).rss;
    const cpu0 = (await server.ask<Stats>('stats')).cpuMs;
    const samples: number[] = [];
    const started = Date.now();
    for (let i = 0; i < rounds; i++) {
      let remaining = n;
      let last = 0;
      const all = new Promise<void>((resolve) => {
        for (const s of sockets) {
          s.once('case:event', () => {
            last = performance.now();
            if (--remaining === 0) resolve();
          });
        }
      });
      await benchApi(url, `/api/cases/${caseId}/actions`, mediator, {
        type: 'RECORD_SESSION',
        notes: `round ${i}`,
      });
      const responded = performance.now();
      await all;
      samples.push(Math.max(0, last - responded));
    }
    const cpuMs = (await server.ask<Stats>('stats')).cpuMs - cpu0;
    const seconds = (Date.now() - started) / 1000;
    figures.push(
      figure(`action sent → event at the last of ${n} subscribers`, samples, (n * rounds) / seconds),
    );
    if (n === 1000) cpuPerDelivery = cpuMs / (n * rounds);

    // the floor: a bare Socket.IO emit to as many clients
    const bare = await connectMany(bareUrl, undefined, n);
    const bareSamples: number[] = [];
    const bareStarted = Date.now();
    for (let i = 0; i < rounds; i++) {
      let remaining = n;
      let last = 0;
      const all = new Promise<void>((resolve) => {
        for (const s of bare) {
          s.once('ping', () => {
            last = performance.now();
            if (--remaining === 0) resolve();
          });
        }
      });
      const sent = performance.now();
      await fetch(bareUrl);
      await all;
      bareSamples.push(last - sent);
    }
    const bareFigure = figure(
      `floor: bare Socket.IO emit → last of ${n} clients`,
      bareSamples,
      (n * rounds) / ((Date.now() - bareStarted) / 1000),
    );
    figures.push(bareFigure);
    const ours = figures[figures.length - 2]!;
    ratios.push({
      name: `action + fan-out ÷ bare emit, ${n} clients (p50)`,
      value: ours.p50Ms / Math.max(bareFigure.p50Ms, 0.001),
      explanation:
        'a full action (auth, store, projection, effects) plus filtered fan-out, over a plain broadcast',
    });
    for (const s of [...sockets, ...bare]) s.disconnect();
    await new Promise((r) => setTimeout(r, 300));
  }
  ratios.push({
    name: 'deliveries per second per core (1000 subscribers)',
    value: cpuPerDelivery > 0 ? 1000 / cpuPerDelivery : 0,
    explanation: 'case events delivered per second of server CPU time',
  });
  ratios.push({
    name: 'resident memory per connected socket at 1000 sockets (KiB)',
    value: Math.max(0, rssAt1000 - before.rss) / 1000 / 1024,
    explanation: 'server RSS growth from 0 to 1000 subscribed sockets, divided by 1000',
  });
  return {
    title: 'Realtime fan-out',
    description:
      'Server in its own process (real app, realtime layer, embedded engine); clients are socket.io-client ' +
      'websockets in the benchmark process, all subscribed to one mediation case. Latency runs from sending a ' +
      'RECORD_SESSION action over HTTP to the arrival of its `case:event` at the last subscriber (pushes leave ' +
      'once the event is stored, before the HTTP response, so response-to-arrival is never positive); the floor ' +
      'is an HTTP request that makes a bare Socket.IO server emit to the same number of clients.',
    figures,
    ratios,
  };
}
