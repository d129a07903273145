import type { Socket } from 'socket.io-client';
import { benchApi, caseInSession, type BenchServer, mediatorToken } from './benchServerHandle.js';
import { connectMany } from './connectMany.js';
import type { BenchFigure, BenchSection } from './benchTypes.js';
import { latencyFigure as figure } from './latencyFigure.js';

interface Stats {
  rss: number;
  cpuMs: number;
}

/** Resolves with the first and the last arrival time once every socket received `event` once. */
function arrivalsOf(sockets: Socket[], event: string): Promise<{ first: number; last: number }> {
  return new Promise((resolve) => {
    let remaining = sockets.length;
    let first = 0;
    for (const s of sockets) {
      s.once(event, () => {
        const at = performance.now();
        if (first === 0) first = at;
        if (--remaining === 0) resolve({ first, last: at });
      });
    }
  });
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
  const mediator = mediatorToken(tokens, view.mediatorId);

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
    const total: number[] = [];
    const spread: number[] = [];
    const started = Date.now();
    for (let i = 0; i < rounds; i++) {
      const sent = performance.now();
      const arrivals = arrivalsOf(sockets, 'case:event');
      await benchApi(url, `/api/cases/${caseId}/actions`, mediator, {
        type: 'RECORD_SESSION',
        notes: `round ${i}`,
      });
      const { first, last } = await arrivals;
      total.push(last - sent);
      spread.push(last - first);
    }
    const cpuMs = (await server.ask<Stats>('stats')).cpuMs - cpu0;
    const deliveriesPerSecond = (n * rounds) / ((Date.now() - started) / 1000);
    if (n === 1000) cpuPerDelivery = cpuMs / (n * rounds);

    // the floor: a bare Socket.IO server emitting to as many clients when asked over HTTP
    const bare = await connectMany(bareUrl, undefined, n);
    const bareTotal: number[] = [];
    const bareSpread: number[] = [];
    const bareStarted = Date.now();
    for (let i = 0; i < rounds; i++) {
      const sent = performance.now();
      const arrivals = arrivalsOf(bare, 'ping');
      await fetch(bareUrl);
      const { first, last } = await arrivals;
      bareTotal.push(last - sent);
      bareSpread.push(last - first);
    }
    const bareDeliveriesPerSecond = (n * rounds) / ((Date.now() - bareStarted) / 1000);
    const ours = figure(`action sent → event at the last of ${n} subscribers`, total, deliveriesPerSecond);
    const oursSpread = figure(`fan-out: first → last of ${n} subscribers`, spread, deliveriesPerSecond);
    const floor = figure(
      `floor: bare emit, request sent → last of ${n} clients`,
      bareTotal,
      bareDeliveriesPerSecond,
    );
    const floorSpread = figure(
      `floor: bare emit, first → last of ${n} clients`,
      bareSpread,
      bareDeliveriesPerSecond,
    );
    figures.push(ours, oursSpread, floor, floorSpread);
    ratios.push({
      name: `action + fan-out ÷ bare request + emit, ${n} clients (p50)`,
      value: ours.p50Ms / Math.max(floor.p50Ms, 0.001),
      explanation:
        'a full action (auth, store, projection, effects) and its filtered fan-out, over a plain broadcast',
    });
    if (n > 1) {
      ratios.push({
        name: `fan-out spread ÷ bare emit spread, ${n} clients (p50)`,
        value: oursSpread.p50Ms / Math.max(floorSpread.p50Ms, 0.001),
        explanation: 'per-socket authorised delivery of one event, over one broadcast to the same sockets',
      });
    }
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
      'websockets in the benchmark process, all subscribed to one mediation case. Each round sends a ' +
      'RECORD_SESSION action over HTTP and times the arrival of its `case:event` at the first and the last ' +
      'subscriber; the floor is an HTTP request that makes a bare Socket.IO server broadcast to as many ' +
      'clients. "fan-out" is the spread from the first to the last arrival. ops/s is deliveries per second.',
    figures,
    ratios,
  };
}
