import { expect } from 'chai';
import { io as connect } from 'socket.io-client';
import type {
  CaseEventPush,
  ClientToServerEvents,
  ServerToClientEvents,
} from '../../../shared/realtime/contract.js';
import type { Socket } from 'socket.io-client';
import { smallTrademarkMediation } from '../../fixtures/complaints.js';
import { hasRedisServer, startRedis, type TestRedis } from '../../support/redisServer.js';
import { spawnServer, waitForOk, type SpawnedServer } from '../../support/spawnServer.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const tea = {
  ...smallTrademarkMediation,
  respondent: { ...smallTrademarkMediation.respondent, email: 'respondent@demo.local' },
};

async function api(
  base: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Two server processes on one database and one Redis. */
describe('several server instances (Redis adapter)', function () {
  this.timeout(90_000);
  const t = useTestDatabase('multi');
  let redis: TestRedis | undefined;
  let a: SpawnedServer;
  let b: SpawnedServer;
  let urlA: string;
  let urlB: string;

  before(async function () {
    if (!hasRedisServer()) {
      console.log(
        '    skipped: the Debian package redis-server is not installed (apt-get install redis-server)',
      );
      this.skip();
    }
    redis = await startRedis();
    const env = {
      MONGODB_URI: t.uri,
      REDIS_URL: redis.url,
      DEMO_DATA: '1',
      // the demo accounts are what this suite needs; a few demo cases keep the first start short
      DEMO_CASES: '17',
      JWT_SECRET: 'multi-instance-secret-multi-instance-secret',
      LOG_LEVEL: 'info',
    };
    a = spawnServer(env);
    urlA = await a.listening;
    b = spawnServer(env);
    urlB = await b.listening;
    await Promise.all([waitForOk(`${urlA}/readyz`), waitForOk(`${urlB}/readyz`)]);
  });

  after(async () => {
    for (const p of [a, b]) {
      if (p && p.proc.exitCode === null) {
        p.proc.kill('SIGTERM');
        await p.exited;
      }
    }
    await redis?.stop();
  });

  const signIn = async (base: string, email: string) =>
    (await api(base, '/api/auth/login', undefined, { email, password: 'sevenfold-demo' })).body
      .token as string;

  it('delivers an action sent to instance A to a mediator connected to instance B', async () => {
    const complainant = await signIn(urlA, 'complainant@demo.local');
    const admin = await signIn(urlA, 'admin@demo.local');
    const mediatorToken = await signIn(urlB, 'mediator@demo.local');
    const mediator: Socket<ServerToClientEvents, ClientToServerEvents> = connect(urlB, {
      auth: { token: mediatorToken },
      transports: ['websocket'],
      reconnection: false,
    });
    await new Promise<void>((r, j) => {
      mediator.once('connect', () => r());
      mediator.once('connect_error', j);
    });
    try {
      const assigned = new Promise<{ caseId: string }>((r) => mediator.once('assignment:new', r));
      const filed = await api(urlA, '/api/cases', complainant, tea);
      expect(filed.status).to.equal(201);
      const id = filed.body.id as string;
      await api(urlA, `/api/cases/${id}/actions`, admin, { type: 'ACCEPT' });
      await api(urlA, `/api/cases/${id}/actions`, admin, { type: 'ROUTE', channel: 'mediation' });
      expect((await assigned).caseId).to.equal(id);

      const pushes: number[] = [];
      mediator.on('case:event', (p) => p.caseId === id && pushes.push(p.seq));
      const ack = await new Promise<{ data?: { seq: number } }>((r) =>
        mediator.emit('case:subscribe', { caseId: id, afterSeq: 0 }, r as never),
      );
      // the action, and not a document issued meanwhile (its job runs on its own)
      const pushed = new Promise<CaseEventPush>((r) =>
        mediator.on('case:event', (p) => p.caseId === id && p.type === 'ACCEPT_ASSIGNMENT' && r(p)),
      );
      const mediatorOnA = await signIn(urlA, 'mediator@demo.local');
      const res = await api(urlA, `/api/cases/${id}/actions`, mediatorOnA, { type: 'ACCEPT_ASSIGNMENT' });
      expect(res.status).to.equal(200);
      const push = await pushed;
      expect(push.seq).to.equal(res.body.seq);
      // every push after the subscription's answer, in order and with no gap, up to the action
      const seq = ack.data?.seq ?? 0;
      const after = pushes.filter((s) => s > seq);
      expect(after).to.deep.equal(after.map((_, i) => seq + 1 + i));
      expect(after.at(-1)).to.equal(push.seq);
    } finally {
      mediator.disconnect();
    }
  });

  it('fires each due clock exactly once with both schedulers running', async () => {
    const complainant = await signIn(urlA, 'complainant2@demo.local');
    const admin = await signIn(urlB, 'admin@demo.local');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const filed = await api(urlA, '/api/cases', complainant, { ...tea, title: `Clock race ${i}` });
      const id = filed.body.id as string;
      await api(urlB, `/api/cases/${id}/actions`, admin, { type: 'REQUEST_INFO', items: ['the licence'] });
      ids.push(id);
    }
    // Time passes: the information-request clocks come due (moved into the past in the store).
    const past = new Date(Date.now() - 1000);
    await t.db
      .collection('deadlines')
      .updateMany(
        { caseId: { $in: ids }, clock: 'infoRequest', state: 'pending' },
        { $set: { dueAt: past, warnAt50: past, warnAt80: past, nextAt: past } },
      );
    const deadline = Date.now() + 30_000;
    for (;;) {
      const fired = await t.db
        .collection('deadlines')
        .countDocuments({ caseId: { $in: ids }, clock: 'infoRequest', state: 'fired' });
      if (fired === ids.length) break;
      if (Date.now() > deadline) {
        const logs = [a.output(), b.output()]
          .join('\n')
          .split('\n')
          .filter((l) => /"level":(40|50)/.test(l));
        throw new Error(`only ${fired} of ${ids.length} clocks fired\n${logs.slice(-20).join('\n')}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 2500)); // both schedulers pass again
    for (const id of ids) {
      const expiries = await t.db
        .collection('case_events')
        .countDocuments({ caseId: id, type: 'DEADLINE', 'data.clock': 'infoRequest' });
      expect(expiries).to.equal(1);
      const view = await api(urlB, `/api/cases/${id}`, admin);
      expect(view.body).to.include({ status: 'closed', closureReason: 'lapsed' });
    }
  });

  it('refuses on instance B, at once, the tokens of an account disabled on instance A', async () => {
    const admin = await signIn(urlA, 'admin@demo.local');
    const court = await signIn(urlB, 'court@demo.local');
    // instance B now holds the account between requests (the account cache)
    expect((await api(urlB, '/api/auth/me', court)).status).to.equal(200);
    const setActive = (active: boolean) =>
      fetch(`${urlA}/api/users/u-court`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ active }),
      });
    expect((await setActive(false)).status).to.equal(200);
    // A tells B through the Redis adapter: moments, not the 5 s an account is kept at most
    const start = Date.now();
    let status = 200;
    while (status !== 401 && Date.now() - start < 2000) {
      status = (await api(urlB, '/api/auth/me', court)).status;
      if (status !== 401) await new Promise((r) => setTimeout(r, 10));
    }
    expect(status).to.equal(401);
    expect(Date.now() - start).to.be.below(2000);
    expect((await setActive(true)).status).to.equal(200);
  });
});
