import { io as connect, type Socket } from 'socket.io-client';
import { benchApi, caseInSession, type BenchServer } from './benchServerHandle.js';
import type { BenchSection } from './benchTypes.js';

interface Stats {
  rss: number;
  cpuMs: number;
}

/**
 * The long run: `seconds` (default 600) of actions at `ratePerSec` (half the sustained saturation
 * rate) spread over 10 mediation cases, with 200 sockets subscribed (20 per case). It proves that
 * memory stays flat (RSS at start and end), that nothing fails, and that every client received
 * every event of its case, in order and once.
 */
export async function soakBench(
  server: BenchServer,
  tokens: Record<string, string>,
  ratePerSec: number,
  seconds = 600,
): Promise<BenchSection> {
  const cases: string[] = [];
  for (let i = 0; i < 10; i++) cases.push(await caseInSession(server.url, tokens, `Soak case ${i}`));
  const mediatorOf = new Map<string, string>();
  const headOf = new Map<string, number>();
  for (const id of cases) {
    const view = await benchApi(server.url, `/api/cases/${id}`, tokens.admin);
    mediatorOf.set(id, view.mediatorId === 'u-mediator2' ? tokens.mediator2! : tokens.mediator!);
    headOf.set(id, view.seq as number);
  }

  const received = new Map<Socket, number[]>();
  const sockets: { socket: Socket; caseId: string }[] = [];
  for (let i = 0; i < 200; i++) {
    const caseId = cases[i % cases.length]!;
    const socket = connect(server.url, {
      auth: { token: tokens.complainant },
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
  const interval = 1000 / Math.max(ratePerSec, 0.5);
  const end = Date.now() + seconds * 1000;
  let sent = 0;
  let errors = 0;
  const inFlight = new Set<Promise<void>>();
  const busy = new Set<string>();
  let next = Date.now();
  let turn = 0;
  while (Date.now() < end) {
    const caseId = cases[turn++ % cases.length]!;
    if (!busy.has(caseId)) {
      busy.add(caseId);
      sent++;
      const p = fetch(`${server.url}/api/cases/${caseId}/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${mediatorOf.get(caseId)}` },
        body: JSON.stringify({ type: 'RECORD_SESSION', notes: `soak ${sent}` }),
      })
        .then(async (res) => {
          await res.arrayBuffer();
          if (!res.ok) errors++;
        })
        .catch(() => {
          errors++;
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
  await new Promise((r) => setTimeout(r, 2000));
  const finish = await server.ask<Stats>('stats');

  let missing = 0;
  let duplicated = 0;
  for (const id of cases) {
    const events = (
      await benchApi(
        server.url,
        `/api/cases/${id}/events?after=${headOf.get(id)}&limit=1000`,
        tokens.complainant,
      )
    ).items as { seq: number }[];
    const expected = events.map((e) => e.seq);
    for (const { socket, caseId } of sockets) {
      if (caseId !== id) continue;
      const got = received.get(socket)!;
      duplicated += got.length - new Set(got).size;
      const have = new Set(got);
      missing += expected.filter((s) => !have.has(s)).length;
    }
  }
  for (const { socket } of sockets) socket.disconnect();

  const rssStart = start.rss / 2 ** 20;
  const rssEnd = finish.rss / 2 ** 20;
  return {
    title: 'Soak',
    description:
      `${seconds} s of RECORD_SESSION actions at ${ratePerSec.toFixed(1)} per second (half the sustained saturation ` +
      'rate) over 10 mediation cases, with 200 sockets subscribed (20 per case). Every socket must receive ' +
      'every event of its case exactly once.',
    figures: [],
    ratios: [
      { name: 'actions sent', value: sent, explanation: `${errors} failed` },
      { name: 'server RSS at start (MiB)', value: rssStart, explanation: 'after connecting the 200 sockets' },
      {
        name: 'server RSS at end (MiB)',
        value: rssEnd,
        explanation: `change ${(rssEnd - rssStart).toFixed(1)} MiB`,
      },
      { name: 'events missed by a client', value: missing, explanation: 'over all 200 sockets' },
      { name: 'events delivered twice', value: duplicated, explanation: 'over all 200 sockets' },
    ],
  };
}
