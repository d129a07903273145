import { expect } from 'chai';
import request, { type Response } from 'supertest';
import { fromAddress } from '../../support/clientAddress.js';
import { listen, type ListeningServer } from '../../support/listen.js';
import { expectProblem } from '../../support/problem.js';
import { testConfig } from '../../support/testConfig.js';
import { buildTestApp, seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/** The limits as shipped (the test configuration relaxes them for the other suites). */
const REALISTIC = {
  LOGIN_FREE_FAILURES: '5',
  LOGIN_DELAY_SECONDS: '1',
  LOGIN_MAX_DELAY_SECONDS: '900',
  LOGIN_IP_FAILURES_PER_DAY: '100',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Asserts a 429 problem that says when to come back, and returns that in seconds. */
function expectThrottled(res: Response): number {
  expectProblem(res, 429);
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter, 'Retry-After').to.be.a('number').and.to.be.greaterThan(0);
  return retryAfter;
}

describe('sign-in limits (issue 15): slow an attacker down, never lock the owner out', () => {
  const t = useTestDatabase('loginlimits');
  let server: ListeningServer;
  const attacker = fromAddress('127.0.0.1');
  const owner = fromAddress('127.0.0.2');
  const signIn = (from: typeof owner, body: object) =>
    request(server.url).post('/api/auth/login').agent(from).send(body);
  const right = { email: 'arbitrator@demo.local', password: 'sevenfold-demo' };
  const wrong = { email: 'arbitrator@demo.local', password: 'guess-guess-guess' };

  before(async () => {
    await seedDirectory(t.db);
  });
  beforeEach(async () => {
    // a fresh app (fresh in-memory limits) for each case
    server = await listen(buildTestApp(t.db, { config: testConfig(REALISTIC) }).app);
  });
  afterEach(() => server.close());

  it('does not count malformed bodies against an account', async () => {
    for (let i = 0; i < 30; i++) {
      const body = i % 2 ? { email: right.email, password: { $gt: '' } } : { email: right.email };
      expectProblem(await signIn(attacker, body), 422);
    }
    await signIn(attacker, right).expect(200);
  });

  it('delays the attacker progressively while the owner signs in from elsewhere', async () => {
    for (let i = 0; i < 5; i++) expectProblem(await signIn(attacker, wrong), 401);
    // blocked: even the right password from the attacker's address waits, and says how long
    const first = expectThrottled(await signIn(attacker, right));
    expect(first).to.equal(1);
    // the owner, from another address, is not locked out
    const ok = await signIn(owner, right).expect(200);
    expect(ok.body.token).to.be.a('string');

    // after the wait one more guess is allowed, then the wait doubles
    await sleep(first * 1000 + 50);
    expectProblem(await signIn(attacker, wrong), 401);
    const second = expectThrottled(await signIn(attacker, wrong));
    expect(second).to.equal(2);
    // a burst while blocked stays blocked and does not make the wait longer
    const burst = await Promise.all(Array.from({ length: 10 }, () => signIn(attacker, wrong)));
    for (const res of burst) expect(res.status).to.equal(429);

    // the owner on that same address after the wait: signed in, and the count starts again
    await sleep(second * 1000 + 50);
    await signIn(attacker, right).expect(200);
    for (let i = 0; i < 4; i++) expectProblem(await signIn(attacker, wrong), 401);
  });

  it('lets a burst of parallel guesses through only up to the free failures', async () => {
    const burst = await Promise.all(Array.from({ length: 20 }, () => signIn(attacker, wrong)));
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).to.be.at.most(6);
    expect(statuses.filter((s) => s === 429).length).to.be.at.least(14);
  });

  it('budgets failures per client address per day (credential stuffing across accounts)', async () => {
    await server.close();
    server = await listen(
      buildTestApp(t.db, { config: testConfig({ ...REALISTIC, LOGIN_IP_FAILURES_PER_DAY: '10' }) }).app,
    );
    const stuffer = fromAddress('127.0.0.3');
    for (let i = 0; i < 10; i++) {
      expectProblem(await signIn(stuffer, { email: `victim${i}@example.org`, password: 'Summer2024!' }), 401);
    }
    const wait = expectThrottled(
      await signIn(stuffer, { email: 'victim10@example.org', password: 'x'.repeat(12) }),
    );
    expect(wait).to.be.greaterThan(3600);
    expectThrottled(await signIn(stuffer, right));
    // other addresses are not affected
    await signIn(owner, right).expect(200);
  });
});
