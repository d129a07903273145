import { expect } from 'chai';
import request, { type Response } from 'supertest';
import { expectProblem } from '../../support/problem.js';
import { buildTestApp, login, seedDirectory, type TestApp } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/** Asserts the 400 of a weak password: the field is named and the estimator's advice given. */
function expectWeak(res: Response, advice: RegExp): void {
  const problem = expectProblem(res, 400);
  expect(problem.detail).to.match(/password is too weak/i);
  const errors = problem.errors as { path: string; message: string }[];
  expect(errors).to.have.length(1);
  expect(errors[0]!.path).to.equal('password');
  expect(errors[0]!.message).to.match(advice);
}

describe('password strength (issue 15)', () => {
  const t = useTestDatabase('passwords');
  let a: TestApp;
  const register = (email: string, password: string, name = 'Lantern Design Studio') =>
    request(a.app).post('/api/auth/register').send({ email, password, name });

  before(async () => {
    await seedDirectory(t.db);
    a = buildTestApp(t.db);
  });

  it('refuses weak passwords at registration with the estimator’s advice, and creates no account', async () => {
    expectWeak(await register('weak1@example.org', 'password12'), /commonly used password/);
    expectWeak(await register('weak2@example.org', ' '.repeat(10)), /repeated/i);
    expectWeak(await register('weak3@example.org', 'qwertyuiop12'), /keyboard|pattern|guess|common/i);
    // the account's own e-mail and name are known words
    expectWeak(await register('studio@lanterndesign.cn', 'lanterndesign2024'), /personal/i);
    // long enough for the schema (10) but not for the policy (12)
    expectWeak(await register('weak4@example.org', 'Gx7#kq2!Lm'), /at least 12 characters/);
    for (const email of ['weak1@example.org', 'weak2@example.org', 'studio@lanterndesign.cn']) {
      expectProblem(
        await request(a.app).post('/api/auth/login').send({ email, password: 'password12' }),
        401,
      );
    }
    await register('strong@example.org', 'Velvet-Harbor-Quill-29').expect(202);
    await login(a.app, 'strong@example.org', 'Velvet-Harbor-Quill-29');
  });

  it('refuses weak passwords when an admin creates an account', async () => {
    const admin = await login(a.app, 'admin@demo.local');
    const body = {
      email: 'clerk@example.org',
      name: 'Court Clerk',
      role: 'officer',
      orgId: 'org-bj-ipcourt',
      password: 'password12',
    };
    expectWeak(
      await request(a.app).post('/api/users').set('Authorization', `Bearer ${admin}`).send(body),
      /commonly used/,
    );
    await request(a.app)
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...body, password: 'Brass-Compass-Meadow-81' })
      .expect(201);
  });

  it('keeps the demo accounts (seeded without the check) signing in with the README password', async () => {
    await login(a.app, 'complainant@demo.local');
    await login(a.app, 'court@demo.local');
  });
});
