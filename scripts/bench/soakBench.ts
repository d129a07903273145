import { io as connect, type Socket } from 'socket.io-client';
import {
  benchApi,
  casesInSession,
  registerRightsHolders,
  type BenchServer,
  mediatorToken,
} from './benchServerHandle.js';
import type { BenchSection } from './benchTypes.js';
import { percentile } from './latencyFigure.js';

/** Cases the soak acts on, one socket each: enough that no case's session list grows unrealistically long. */
const CASES = 200;
const SOCKETS = Number(process.env.SOAK_SOCKETS ?? 200);
const SAMPLE_MS = Number(process.env.SOAK_SAMPLE_MS ?? 30_000);

interface Stats {
  rss: number;
  cpuMs: number;
}

/**
 * The long run: `seconds` (default 600) of actions at `ratePerSec` (half the sustained saturation
 * rate) spread over 200 mediation cases of 200 rights holders, each watching theirs. It proves that
 * memory stays flat (RSS at start and end), that nothing fails, and that every client received
 * every event of its case, in order and once.
 */
export async function soakBench(
  server: BenchServer,
  tokens: Record<string, string>,
  ratePerSec: number,
  seconds = 600,
): Promise<BenchSection> {
  // each case has its own rights holder, who watches it: 200 people, one socket each
  const holders = await registerRightsHolders(server.url, CASES);
  const cases = await casesInSession(server.url, tokens, 'Soak case', CASES, 4, holders);
  const mediatorOf = new Map<string, string>();
  const headOf = new Map<string, number>();
  for (const id of cases) {
    const view = await benchApi(server.url, `/api/cases/${id}`, tokens.admin);
    mediatorOf.set(id, mediatorToken(tokens, view.mediatorId));
    headOf.set(id, view.seq as number);
  }

  const received = new Map<Socket, number[]>();
  const sockets: { socket: Socket; caseId: string }[] = [];
  for (let i = 0; i < SOCKETS; i++) {
    const caseId = cases[i % cases.length]!;
    const socket = connect(server.url, {
      auth: { token: holders[i % holders.length] },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((r, j) => (socket.once('connect', () => r()), socket.once('connect_error', j)));
    received.set(socket, []);
    socket.on('case:event', (p: { caseId: string; seq: number }) => {
      if (p.caseId === caseId) received.get(socket)!.push(p.seq);
    });
    await new Promise((r) => socket.emit('case:subscribe', { caseId, afterSeq: headOf.get(caseId) }, r));
    sockets.push({ socket, caseId });
  }

  global.gc?.();
  const start = await server.ask<Stats>('stats');
  // resident memory every 30 s: flat means no growth over the second half of the run
  const rss: { at: number; mib: number }[] = [{ at: 0, mib: start.rss / 2 ** 20 }];
  const t0 = Date.now();
  const sampler = setInterval(() => {
    void server.ask<Stats>('stats').then((st) => {
      rss.push({ at: (Date.now() - t0) / 1000, mib: st.rss / 2 ** 20 });
      const sorted = [...window].sort((a, b) => a - b);
      window = [];
      process.stdout.write(
        `  soak ${((Date.now() - t0) / 1000).toFixed(0)} s: RSS ${(st.rss / 2 ** 20).toFixed(0)} MiB, ` +
          `p50 ${percentile(sorted, 0.5).toFixed(0)} ms over ${sorted.length} actions, ${errors} failed\n`,
      );
    });
  }, SAMPLE_MS);
  const latencies: number[] = [];
  const interval = 1000 / Math.max(ratePerSec, 0.5);
  const end = Date.now() + seconds * 1000;
  let sent = 0;
  let errors = 0;
  const failures: string[] = [];
  let window: number[] = [];
  const inFlight = new Set<Promise<void>>();
  const busy = new Set<string>();
  let next = Date.now();
  let turn = 0;
  while (Date.now() < end) {
    const caseId = cases[turn++ % cases.length]!;
    if (!busy.has(caseId)) {
      busy.add(caseId);
      sent++;
      const began = performance.now();
      const p = fetch(`${server.url}/api/cases/${caseId}/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${mediatorOf.get(caseId)}` },
        body: JSON.stringify({ type: 'RECORD_SESSION', notes: `soak ${sent}` }),
      })
        .then(async (res) => {
          const body = await res.text();
          if (!res.ok) {
            errors++;
            failures.push(`${res.status} ${body.slice(0, 160)}`);
          } else {
            latencies.push(performance.now() - began);
            window.push(performance.now() - began);
          }
        })
        .catch((err: unknown) => {
          errors++;
          failures.push(String(err));
        })
        .finally(() => {
          busy.delete(caseId);
          inFlight.delete(p);
        });
      inFlight.add(p);
    }
    next += interval;
    await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
  }
  await Promise.all(inFlight);
  clearInterval(sampler);
  await new Promise((r) => setTimeout(r, 2000));
  global.gc?.();
  const finish = await server.ask<Stats>('stats');
  rss.push({ at: (Date.now() - t0) / 1000, mib: finish.rss / 2 ** 20 });

  let missing = 0;
  let duplicated = 0;
  let outOfOrder = 0;
  let expectedDeliveries = 0;
  for (const id of cases) {
    const events = (
      await benchApi(server.url, `/api/cases/${id}/events?after=${headOf.get(id)}&limit=1000`, tokens.admin)
    ).items as { seq: number }[];
    const expected = events.map((e) => e.seq);
    for (const { socket, caseId } of sockets) {
      if (caseId !== id) continue;
      expectedDeliveries += expected.length;
      const got = received.get(socket)!;
      duplicated += got.length - new Set(got).size;
      outOfOrder += got.filter((seq, i) => i > 0 && seq <= got[i - 1]!).length;
      const have = new Set(got);
      missing += expected.filter((seq) => !have.has(seq)).length;
    }
  }
  for (const { socket } of sockets) socket.disconnect();

  const rssStart = start.rss / 2 ** 20;
  const rssEnd = finish.rss / 2 ** 20;
  const half = rss.filter((r) => r.at >= seconds / 2);
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => percentile(sorted, p);
  return {
    title: 'Soak',
    description:
      `${seconds} s of RECORD_SESSION actions at ${ratePerSec.toFixed(1)} per second (half the sustained saturation ` +
      `rate) over ${CASES} mediation cases in turn, with ${SOCKETS} sockets subscribed, one per case, each its own rights holder (registered through the API). Every socket must ` +
      'receive every event of its case exactly once and in order. Server RSS was sampled every 30 s: ' +
      rss.map((r) => `${r.at.toFixed(0)} s ${r.mib.toFixed(0)} MiB`).join(', ') +
      '.',
    figures: [
      {
        name: 'action over HTTP during the soak',
        p50Ms: pct(0.5),
        p99Ms: pct(0.99),
        opsPerSec: latencies.length / seconds,
        samples: latencies.length,
      },
    ],
    ratios: [
      {
        name: 'actions sent',
        value: sent,
        explanation: `${errors} failed${failures.length ? `: ${[...new Set(failures)].slice(0, 3).join(' · ')}` : ''}`,
      },
      {
        name: 'server RSS at start (MiB)',
        value: rssStart,
        explanation: `after connecting the ${SOCKETS} sockets`,
      },
      {
        name: 'server RSS at end (MiB)',
        value: rssEnd,
        explanation: `change ${(rssEnd - rssStart).toFixed(1)} MiB`,
      },
      {
        name: 'server RSS, second half: max − min (MiB)',
        value: half.length ? Math.max(...half.map((r) => r.mib)) - Math.min(...half.map((r) => r.mib)) : 0,
        explanation: `over ${half.length} samples from ${(seconds / 2).toFixed(0)} s on`,
      },
      {
        name: 'deliveries expected',
        value: expectedDeliveries,
        explanation: 'events of each case × its sockets',
      },
      { name: 'events missed by a client', value: missing, explanation: `over all ${SOCKETS} sockets` },
      { name: 'events delivered twice', value: duplicated, explanation: `over all ${SOCKETS} sockets` },
      { name: 'events out of order', value: outOfOrder, explanation: `over all ${SOCKETS} sockets` },
    ],
  };
}
