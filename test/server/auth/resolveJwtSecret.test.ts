import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { resolveJwtSecret } from '../../../server/auth/resolveJwtSecret.js';

describe('resolveJwtSecret', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sevenfold-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses JWT_SECRET when given', () => {
    expect(resolveJwtSecret({ jwtSecret: 'y'.repeat(40), dataDir: dir })).to.equal('y'.repeat(40));
  });

  it('generates a secret once into the data folder (mode 0600) and reuses it after a restart', () => {
    const first = resolveJwtSecret({ jwtSecret: undefined, dataDir: dir });
    expect(first).to.have.length.greaterThanOrEqual(32);
    expect(statSync(join(dir, 'jwt-secret')).mode & 0o777).to.equal(0o600);
    expect(resolveJwtSecret({ jwtSecret: undefined, dataDir: dir })).to.equal(first);
  });
});
