import { expect } from 'chai';
import request from 'supertest';
import { buildTestApp, login, seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

describe('API answers are never cached', () => {
  const t = useTestDatabase('no-store');
  let app: ReturnType<typeof buildTestApp>['app'];

  before(async () => {
    await seedDirectory(t.db);
    app = buildTestApp(t.db).app;
  });

  it('marks the sign-in answer (it carries the token) and every authenticated answer no-store', async () => {
    const signIn = await request(app)
      .post('/api/auth/login')
      .send({ email: 'admin@demo.local', password: 'sevenfold-demo' })
      .expect(200);
    expect(signIn.headers['cache-control']).to.equal('no-store');
    const token = await login(app, 'admin@demo.local');
    for (const path of ['/api/auth/me', '/api/cases', '/api/cases/counts', '/api/stats']) {
      const res = await request(app).get(path).set('Authorization', `Bearer ${token}`).expect(200);
      expect(res.headers['cache-control'], path).to.equal('no-store');
    }
  });

  it('marks refusals no-store too, and leaves the health probe alone', async () => {
    const refused = await request(app).get('/api/cases').expect(401);
    expect(refused.headers['cache-control']).to.equal('no-store');
    const health = await request(app).get('/healthz').expect(200);
    expect(health.headers['cache-control']).to.equal(undefined);
  });
});
