import { expect } from 'chai';
import { createClient } from 'redis';
import request from 'supertest';
import type { SharedRedis } from '../../../server/http/createRateLimiter.js';
import { fromAddress } from '../../support/clientAddress.js';
import { listen, type ListeningServer } from '../../support/listen.js';
import { expectProblem } from '../../support/problem.js';
import { hasRedisServer, startRedis, type TestRedis } from '../../support/redisServer.js';
import { testConfig } from '../../support/testConfig.js';
import { buildTestApp, seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

describe('sign-in and registration limits across instances sharing Redis (issue 15)', () => {
  const t = useTestDatabase('loginredis');
  let redis: TestRedis | undefined;
  let client: ReturnType<typeof createClient> | undefined;
  let one: ListeningServer;
  let two: ListeningServer;

  before(async function () {
    if (!hasRedisServer()) {
      console.log(
        '    skipped: the Debian package redis-server is not installed (apt-get install redis-server)',
      );
      this.skip();
    }
    redis = await startRedis();
    client = createClient({ url: redis.url });
    await client.connect();
    await seedDirectory(t.db);
    const config = testConfig({
      LOGIN_FREE_FAILURES: '5',
      LOGIN_DELAY_SECONDS: '30',
      LOGIN_IP_FAILURES_PER_DAY: '100',
      REGISTER_PER_IP_PER_HOUR: '2',
    });
    const shared = client as unknown as SharedRedis;
    one = await listen(buildTestApp(t.db, { config, redis: shared }).app);
    two = await listen(buildTestApp(t.db, { config, redis: shared }).app);
  });
  after(async () => {
    await one?.close();
    await two?.close();
    await client?.quit();
    await redis?.stop();
  });

  it('an attacker who must wait on one instance must wait on the other; the owner elsewhere signs in', async () => {
    const attacker = fromAddress('127.0.0.1');
    const wrong = { email: 'court@demo.local', password: 'guess-guess-guess' };
    const right = { email: 'court@demo.local', password: 'sevenfold-demo' };
    for (let i = 0; i < 5; i++) {
      const server = i % 2 ? one : two;
      expectProblem(await request(server.url).post('/api/auth/login').agent(attacker).send(wrong), 401);
    }
    for (const server of [one, two]) {
      const res = await request(server.url).post('/api/auth/login').agent(attacker).send(right);
      expectProblem(res, 429);
      expect(Number(res.headers['retry-after'])).to.be.within(1, 30);
    }
    await request(two.url).post('/api/auth/login').agent(fromAddress('127.0.0.2')).send(right).expect(200);
    expect(await client!.keys('login-*')).to.not.be.empty;
  });

  it('counts registrations of one address on every instance together', async () => {
    const from = fromAddress('127.0.0.5');
    const register = (server: ListeningServer, i: number) =>
      request(server.url)
        .post('/api/auth/register')
        .agent(from)
        .send({ email: `shared${i}@example.org`, password: 'Velvet-Harbor-Quill-29', name: `Holder ${i}` });
    expect((await register(one, 1)).status).to.be.below(300);
    expect((await register(two, 2)).status).to.be.below(300);
    expectProblem(await register(one, 3), 429);
    expectProblem(await register(two, 4), 429);
  });
});
