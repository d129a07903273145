import { expect } from 'chai';
import { SignJWT } from 'jose';
import request from 'supertest';
import { expectProblem } from '../../support/problem.js';
import { testConfig } from '../../support/testConfig.js';
import { buildTestApp, login, seedDirectory, type TestApp } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

describe('accounts and authentication', () => {
  const t = useTestDatabase('auth');
  let a: TestApp;

  before(async () => {
    await seedDirectory(t.db);
    a = buildTestApp(t.db, { config: testConfig({ LOGIN_FREE_FAILURES: '5' }) });
  });

  it('signs in with the demo password and returns a token and the user without secrets', async () => {
    const res = await request(a.app)
      .post('/api/auth/login')
      .send({ email: 'Mediator@Demo.Local', password: 'sevenfold-demo' })
      .expect(200);
    expect(res.body.token).to.be.a('string');
    expect(res.body.user).to.deep.equal({
      id: 'u-mediator',
      email: 'mediator@demo.local',
      name: 'Chen Jing',
      role: 'mediator',
      orgId: 'org-zgc-mediation',
      expertise: ['designPatent', 'trademark', 'copyright', 'utilityModel'],
    });
    expect(res.text).to.not.include('passwordHash').and.not.include('argon2');
    const me = await request(a.app)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${res.body.token}`)
      .expect(200);
    expect(me.body.user).to.include({ id: 'u-mediator', role: 'mediator', orgType: 'mediation' });
  });

  it('refuses a wrong password or an unknown account with the same 401', async () => {
    const wrong = expectProblem(
      await request(a.app)
        .post('/api/auth/login')
        .send({ email: 'court@demo.local', password: 'nope-nope-nope' }),
      401,
    );
    const unknown = expectProblem(
      await request(a.app)
        .post('/api/auth/login')
        .send({ email: 'ghost@demo.local', password: 'nope-nope-nope' }),
      401,
    );
    expect(wrong.detail).to.equal(unknown.detail);
  });

  it('rejects malformed sign-in bodies with 422, including operator objects', async () => {
    expectProblem(
      await request(a.app)
        .post('/api/auth/login')
        .send({ email: { $ne: null }, password: 'x' }),
      422,
    );
    expectProblem(
      await request(a.app)
        .post('/api/auth/login')
        .send({ email: 'a@b.c', password: { $gt: '' } }),
      422,
    );
    expectProblem(await request(a.app).post('/api/auth/login').send({}), 422);
  });

  it('makes the account wait after failed sign-ins from one address (429 problem+json)', async () => {
    for (let i = 0; i < 5; i++) {
      await request(a.app)
        .post('/api/auth/login')
        .send({ email: 'arbitrator@demo.local', password: 'wrong-password' })
        .expect(401);
    }
    expectProblem(
      await request(a.app)
        .post('/api/auth/login')
        .send({ email: 'arbitrator@demo.local', password: 'sevenfold-demo' }),
      429,
    );
    // other accounts are not affected
    await login(a.app, 'investigator@demo.local');
  });

  it('lets a rights holder register as a complainant, then sign in; a taken e-mail gets the same answer', async () => {
    const res = await request(a.app)
      .post('/api/auth/register')
      .send({ email: 'newco@example.org', password: 'a-long-password', name: 'NewCo IP' })
      .expect(202);
    expect(res.body).to.not.have.property('token');
    const token = await login(a.app, 'newco@example.org', 'a-long-password');
    const me = await request(a.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.user).to.include({ email: 'newco@example.org', role: 'complainant', orgId: null });
    const again = await request(a.app)
      .post('/api/auth/register')
      .send({ email: 'newco@example.org', password: 'another-long-password', name: 'Again' })
      .expect(202);
    expect(again.body).to.deep.equal(res.body);
    // the first account is untouched: its password still signs in, the second one does not
    await login(a.app, 'newco@example.org', 'a-long-password');
    expectProblem(
      await request(a.app)
        .post('/api/auth/login')
        .send({ email: 'newco@example.org', password: 'another-long-password' }),
      401,
    );
    expectProblem(
      await request(a.app)
        .post('/api/auth/register')
        .send({ email: 'x@example.org', password: 'short', name: 'X' }),
      422,
    );
    // role cannot be chosen at registration (mass assignment)
    expectProblem(
      await request(a.app)
        .post('/api/auth/register')
        .send({ email: 'y@example.org', password: 'a-long-password', name: 'Y', role: 'admin' }),
      422,
    );
  });

  it('refuses missing, forged, expired and malformed tokens with 401', async () => {
    expectProblem(await request(a.app).get('/api/auth/me'), 401);
    expectProblem(
      await request(a.app).get('/api/auth/me').set('Authorization', 'Bearer not-a-token-at-all'),
      401,
    );
    const forged = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u-admin')
      .setIssuer('sevenfold')
      .setAudience('sevenfold-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-another-secret-another-secret'));
    expectProblem(await request(a.app).get('/api/auth/me').set('Authorization', `Bearer ${forged}`), 401);
    const { token } = await a.services.tokens.issue('u-admin', 'admin');
    const later = buildTestApp(t.db, { now: () => new Date(Date.now() + 2 * 3600 * 1000) });
    const expired = expectProblem(
      await request(later.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`),
      401,
    );
    expect(expired.detail).to.match(/expired/);
  });

  it('lets only an admin create accounts of other roles', async () => {
    const admin = await login(a.app, 'admin@demo.local');
    const court = await login(a.app, 'court@demo.local');
    const body = {
      email: 'mediator3@example.org',
      password: 'a-long-password',
      name: 'Third Mediator',
      role: 'mediator',
      orgId: 'org-zgc-mediation',
      expertise: ['trademark'],
    };
    expectProblem(
      await request(a.app).post('/api/users').set('Authorization', `Bearer ${court}`).send(body),
      403,
    );
    const created = await request(a.app)
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send(body)
      .expect(201);
    expect(created.body).to.include({ role: 'mediator', orgId: 'org-zgc-mediation' });
    expect(created.body).to.not.have.property('passwordHash');
    expectProblem(
      await request(a.app)
        .post('/api/users')
        .set('Authorization', `Bearer ${admin}`)
        .send({ ...body, email: 'm4@example.org', orgId: null }),
      422,
    );
    expectProblem(
      await request(a.app)
        .post('/api/users')
        .set('Authorization', `Bearer ${admin}`)
        .send({ ...body, email: 'm5@example.org', orgId: 'no-such-org' }),
      422,
    );
  });

  it('lets officers list mediators but not everyone', async () => {
    const court = await login(a.app, 'court@demo.local');
    const list = await request(a.app)
      .get('/api/users?role=mediator')
      .set('Authorization', `Bearer ${court}`)
      .expect(200);
    expect(list.body.items.map((u: { id: string }) => u.id)).to.include.members([
      'u-mediator',
      'u-mediator2',
    ]);
    expectProblem(await request(a.app).get('/api/users').set('Authorization', `Bearer ${court}`), 403);
    const complainant = await login(a.app, 'complainant@demo.local');
    expectProblem(
      await request(a.app).get('/api/users?role=mediator').set('Authorization', `Bearer ${complainant}`),
      403,
    );
    expectProblem(
      await request(a.app).get('/api/users?role[$ne]=admin').set('Authorization', `Bearer ${court}`),
      400,
    );
  });
});
