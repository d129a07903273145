import { SignJWT, type JWTPayload } from 'jose';
import request from 'supertest';
import { expectProblem } from '../../support/problem.js';
import { buildTestApp, seedDirectory, type TestApp } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/** The secret `buildTestApp` signs with: these tokens are genuine apart from the claims they lack. */
const SECRET = new TextEncoder().encode('test-secret-test-secret-test-secret-0123');

/** A token signed with the app's own secret, with only the claims given. */
function signed(claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(SECRET);
}

describe('token claims (issue 15)', () => {
  const t = useTestDatabase('tokenclaims');
  let a: TestApp;
  const base = { sub: 'u-admin', role: 'admin', iss: 'sevenfold', aud: 'sevenfold-api' };
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  before(async () => {
    await seedDirectory(t.db);
    a = buildTestApp(t.db);
  });

  it('accepts a correctly signed token with iat and exp', async () => {
    const token = await signed({ ...base, iat: nowSeconds(), exp: nowSeconds() + 600 });
    await request(a.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
  });

  it('refuses a correctly signed token without exp (it would never expire) with 401', async () => {
    const token = await signed({ ...base, iat: nowSeconds() });
    expectProblem(await request(a.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`), 401);
    await a.services.tokens.check(token).then(
      () => {
        throw new Error('the token service accepted a token without exp');
      },
      () => undefined,
    );
  });

  it('refuses a correctly signed token without iat with 401', async () => {
    const token = await signed({ ...base, exp: nowSeconds() + 600 });
    expectProblem(await request(a.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`), 401);
  });
});
