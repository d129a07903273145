import type { Socket } from 'socket.io-client';
import { benchApi, caseInSession, type BenchServer, mediatorToken } from './benchServerHandle.js';
import type { BenchFigure, BenchSection } from './benchTypes.js';
import { connectMany } from './connectMany.js';
import { latencyFigure as figure, percentile } from './latencyFigure.js';

interface Stats {
  rss: number;
}

/** The storm's shape: `accounts` × `perAccount` sockets, each subscribing and leaving `rounds` times. */
export interface StormShape {
  accounts: number;
  perAccount: number;
  rounds: number;
  /** Length of the quiet measurement of the other users' work, ms. */
  baselineMs: number;
  /** The whole benchmark gives up after this long, ms. */
  deadlineMs: number;
}

const SHAPE: StormShape = { accounts: 10, perAccount: 100, rounds: 3, baselineMs: 5000, deadlineMs: 110_000 };

/** Other users at work: listing cases and acting on another case, until stopped. */
function otherUsersAtWork(
  url: string,
  listers: string[],
  actor: { token: string; caseId: string },
): { stop(): Promise<{ list: number[]; act: number[] }> } {
  let running = true;
  const list: number[] = [];
  const act: number[] = [];
  const timed = async (into: number[], call: () => Promise<unknown>) => {
    const t0 = performance.now();
    await call();
    into.push(performance.now() - t0);
  };
  const loops = [
    ...listers.map(async (token) => {
      while (running) await timed(list, () => benchApi(url, '/api/cases?limit=20', token));
    }),
    (async () => {
      for (let i = 0; running; i++) {
        await timed(act, () =>
          benchApi(url, `/api/cases/${actor.caseId}/actions`, actor.token, {
            type: 'RECORD_SESSION',
            notes: `beside the storm ${i}`,
          }),
        );
      }
    })(),
  ];
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return { list, act };
    },
  };
}

/** Emits `event` on every socket at once; resolves with each acknowledgement's latency (ms). */
async function emitAll(sockets: Socket[], event: string, payload: unknown): Promise<number[]> {
  return Promise.all(
    sockets.map(
      (s) =>
        new Promise<number>((resolve, reject) => {
          const t0 = performance.now();
          s.emit(event, payload, (res: { error?: { detail: string } }) => {
            if (res.error) reject(new Error(`${event}: ${res.error.detail}`));
            else resolve(performance.now() - t0);
          });
        }),
    ),
  );
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mib = (bytes: number) => bytes / 2 ** 20;

async function storm(server: BenchServer, tokens: Record<string, string>, shape: StormShape) {
  const { url } = server;
  const stormCase = await caseInSession(url, tokens, 'Presence storm case');
  const workCase = await caseInSession(url, tokens, 'Work beside the presence storm');
  const view = await benchApi(url, `/api/cases/${workCase}`, tokens.admin);
  const actor = {
    token: mediatorToken(tokens, view.mediatorId),
    caseId: workCase,
  };
  const listers = [tokens.complainant!, tokens.respondent!, tokens.center!];
  // the storm's accounts: admins (they may see any case), made like the demo admin
  const accounts: string[] = [];
  for (let i = 0; i < shape.accounts; i++) {
    await server.ask('addUser', { id: `u-storm-${i}`, like: 'u-admin' });
    const signedIn = await benchApi(url, '/api/auth/login', undefined, {
      email: `u-storm-${i}@bench.local`,
      password: 'sevenfold-demo',
    });
    accounts.push(signedIn.token as string);
  }

  const quietWork = otherUsersAtWork(url, listers, actor);
  await pause(shape.baselineMs);
  const quiet = await quietWork.stop();

  const rssBefore = (await server.ask<Stats>('stats')).rss;
  const busyStarted = performance.now();
  const busyWork = otherUsersAtWork(url, listers, actor);
  const sockets: Socket[] = [];
  for (const token of accounts) sockets.push(...(await connectMany(url, token, shape.perAccount)));
  let pushes = 0;
  for (const s of sockets) s.on('presence:changed', () => pushes++);
  const subscribeAcks: number[] = [];
  const unsubscribeAcks: number[] = [];
  let rssPeak = 0;
  for (let round = 0; round < shape.rounds; round++) {
    subscribeAcks.push(...(await emitAll(sockets, 'case:subscribe', { caseId: stormCase, afterSeq: 1e9 })));
    rssPeak = Math.max(rssPeak, (await server.ask<Stats>('stats')).rss);
    unsubscribeAcks.push(...(await emitAll(sockets, 'case:unsubscribe', { caseId: stormCase })));
  }
  await pause(1000); // the last debounced presence changes
  const busy = await busyWork.stop();
  const busyMs = performance.now() - busyStarted;
  for (const s of sockets) s.disconnect();
  await pause(1000);
  const rssAfter = (await server.ask<Stats>('stats')).rss;
  return {
    quiet,
    busy,
    busyMs,
    subscribeAcks,
    unsubscribeAcks,
    pushes,
    subscribes: sockets.length * shape.rounds,
    sockets: sockets.length,
    rss: { before: rssBefore, peak: rssPeak, after: rssAfter },
  };
}

/**
 * Issue 15's presence storm, on loopback: 1,000 sockets of 10 accounts subscribe to one case and
 * leave it, three times, while three other users list their cases over HTTP and a mediator acts on
 * another case. Reports the presence pushes received per subscribe (each socket at most once per
 * debounce window: O(N), where the old full-list broadcast was O(N²)), the others' list and action
 * latency with and without the storm, and the server's resident memory before, at the peak and after.
 * Gives up after `deadlineMs` (under two minutes).
 */
export async function presenceStormBench(
  server: BenchServer,
  tokens: Record<string, string>,
  shape: StormShape = SHAPE,
): Promise<BenchSection> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`presence storm: over ${shape.deadlineMs / 1000} s`)),
      shape.deadlineMs,
    );
  });
  const r = await Promise.race([storm(server, tokens, shape), deadline]).finally(() => clearTimeout(timer));
  const rate = (n: number, ms: number) => n / (ms / 1000);
  const quietMs = shape.baselineMs;
  const figures: BenchFigure[] = [
    figure(
      'case list of other users (GET /api/cases), no storm',
      r.quiet.list,
      rate(r.quiet.list.length, quietMs),
    ),
    figure(
      `case list of other users, during the storm of ${r.sockets} sockets`,
      r.busy.list,
      rate(r.busy.list.length, r.busyMs),
    ),
    figure('action on another case, no storm', r.quiet.act, rate(r.quiet.act.length, quietMs)),
    figure('action on another case, during the storm', r.busy.act, rate(r.busy.act.length, r.busyMs)),
    figure(`case:subscribe ack, ${r.sockets} sockets at once`, r.subscribeAcks, 0),
    figure(`case:unsubscribe ack, ${r.sockets} sockets at once`, r.unsubscribeAcks, 0),
  ];
  const p99 = (xs: number[]) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      0.99,
    );
  return {
    title: 'Presence storm',
    description:
      `Server in its own process, clients in the benchmark process, loopback only. ${shape.accounts} accounts ` +
      `open ${shape.perAccount} sockets each and all ${r.sockets} subscribe to one case and leave it, ` +
      `${shape.rounds} times, while three other users list their cases and a mediator records sessions on ` +
      'another case (their figures are compared with the same work in a quiet period). Presence goes out ' +
      'as debounced changes, each user once however many sockets they hold. ops/s of the acks is left at 0.',
    figures,
    ratios: [
      {
        name: 'presence pushes received per subscribe',
        value: r.pushes / r.subscribes,
        explanation:
          `${r.pushes} pushes for ${r.subscribes} subscribes (and as many leaves); at most one per socket ` +
          `per debounce window, where a full list to the room on each subscribe would be about ${r.sockets / 2}`,
      },
      {
        name: 'case list p99 during the storm ÷ without it',
        value: p99(r.busy.list) / Math.max(p99(r.quiet.list), 0.001),
        explanation: 'what the storm costs other users of the same server',
      },
      {
        name: 'server RSS before the storm (MiB)',
        value: mib(r.rss.before),
        explanation: 'no storm socket yet',
      },
      {
        name: 'server RSS at the peak (MiB)',
        value: mib(r.rss.peak),
        explanation: `${r.sockets} sockets subscribed`,
      },
      {
        name: 'server RSS after the storm (MiB)',
        value: mib(r.rss.after),
        explanation: 'every storm socket closed, after a garbage collection',
      },
    ],
  };
}
