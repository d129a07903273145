import { expect } from 'chai';
import { createTokenService, InvalidTokenError } from '../../../server/auth/tokenService.js';

describe('verified tokens remembered (token service)', () => {
  const secret = 'test-secret-test-secret-test-secret-0123';

  it('answers a token it verified from memory, until it expires', async () => {
    let clock = new Date('2026-12-02T10:00:00Z');
    const tokens = createTokenService(secret, 60, () => clock);
    const { token } = await tokens.issue('u-admin', 'admin', 3);
    const first = await tokens.check(token);
    expect(first).to.deep.equal({ sub: 'u-admin', role: 'admin', exp: first.exp, sv: 3 });
    expect(await tokens.check(token)).to.equal(first);
    // the last millisecond before exp is still valid, exp itself is not (as jose decides)
    clock = new Date(first.exp * 1000 - 1);
    expect(await tokens.check(token)).to.equal(first);
    clock = new Date(first.exp * 1000);
    const refused = await tokens.check(token).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(refused).to.be.instanceOf(InvalidTokenError);
    expect((refused as Error).message).to.equal('The session has expired.');
  });

  it('remembers only the exact string: a token altered after it was verified is refused', async () => {
    const tokens = createTokenService(secret, 600);
    const { token } = await tokens.issue('u-mediator', 'mediator');
    await tokens.check(token);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${signature}`;
    const err = await tokens.check(forged).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(InvalidTokenError);
    // and a token signed with another secret is refused too
    const other = await createTokenService('another-secret-another-secret-0123456', 600).issue(
      'u-x',
      'admin',
    );
    const refused = await tokens.check(other.token).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).to.be.instanceOf(InvalidTokenError);
  });
});
