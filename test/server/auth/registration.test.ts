import { expect } from 'chai';
import request from 'supertest';
import { fromAddress } from '../../support/clientAddress.js';
import { listen, type ListeningServer } from '../../support/listen.js';
import { expectProblem } from '../../support/problem.js';
import { testConfig } from '../../support/testConfig.js';
import { buildTestApp, seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const PASSWORD = 'Velvet-Harbor-Quill-29';

describe('registration (issue 15): throttled per address, does not tell which e-mails have accounts', () => {
  const t = useTestDatabase('registration');
  let server: ListeningServer;
  const register = (from: string, email: string, password = PASSWORD) =>
    request(server.url)
      .post('/api/auth/register')
      .agent(fromAddress(from))
      .send({ email, password, name: 'Lantern Design Studio' });

  before(async () => {
    await seedDirectory(t.db);
    server = await listen(buildTestApp(t.db, { config: testConfig({ REGISTER_PER_IP_PER_HOUR: '10' }) }).app);
  });
  after(() => server.close());

  it('throttles registrations per client address (429 with Retry-After), not other addresses', async () => {
    for (let i = 0; i < 10; i++)
      expect((await register('127.0.0.6', `bulk${i}@example.org`)).status).to.equal(202);
    const refused = await register('127.0.0.6', 'bulk10@example.org');
    expectProblem(refused, 429);
    expect(Number(refused.headers['retry-after'])).to.be.within(1, 3600);
    expect((await register('127.0.0.7', 'bulk10@example.org')).status).to.equal(202);
  });

  it('answers a taken e-mail exactly as a new one, in about the same time', async () => {
    const times = { fresh: [] as number[], taken: [] as number[] };
    let freshBody: unknown;
    for (let i = 0; i < 4; i++) {
      let started = performance.now();
      const fresh = await register('127.0.0.8', `holder${i}@example.org`);
      times.fresh.push(performance.now() - started);
      started = performance.now();
      // a demo account, registered with another password: nothing in the answer may differ
      const taken = await register('127.0.0.8', 'complainant@demo.local');
      times.taken.push(performance.now() - started);
      expect(taken.status, taken.text).to.equal(fresh.status);
      expect(taken.body).to.deep.equal(fresh.body);
      expect(taken.text).to.equal(fresh.text);
      freshBody = fresh.body;
    }
    expect(freshBody).to.not.have.property('token');
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // the password is hashed either way (argon2 dominates); a missing hash would be several times faster
    expect(median(times.taken)).to.be.greaterThan(median(times.fresh) * 0.5);
  });

  it('leaves the existing account as it was and lets the new one sign in', async () => {
    await request(server.url)
      .post('/api/auth/login')
      .send({ email: 'complainant@demo.local', password: 'sevenfold-demo' })
      .expect(200);
    expectProblem(
      await request(server.url)
        .post('/api/auth/login')
        .send({ email: 'complainant@demo.local', password: PASSWORD }),
      401,
    );
    await request(server.url)
      .post('/api/auth/login')
      .send({ email: 'holder0@example.org', password: PASSWORD })
      .expect(200);
  });
});
