import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import request from 'supertest';
import { expectProblem } from '../../support/problem.js';
import { testConfig } from '../../support/testConfig.js';
import { buildTestApp } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

describe('source maps of the web client (issue 15)', () => {
  const t = useTestDatabase('sourcemaps');
  let dist: string;

  before(() => {
    // a built client as `vite build` leaves it: hashed assets with their source maps
    dist = mkdtempSync(join(tmpdir(), 'sevenfold-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Sevenfold</title>');
    writeFileSync(
      join(dist, 'assets', 'app-abc123.js'),
      'console.log(1);\n//# sourceMappingURL=app-abc123.js.map\n',
    );
    writeFileSync(join(dist, 'assets', 'app-abc123.js.map'), '{"version":3,"sources":["../src/secret.ts"]}');
  });
  after(() => rmSync(dist, { recursive: true, force: true }));

  const appFor = (nodeEnv: 'production' | 'development') =>
    buildTestApp(t.db, { config: testConfig({ NODE_ENV: nodeEnv }), clientDir: dist }).app;

  it('in production serves the scripts but answers 404 for their source maps', async () => {
    const app = appFor('production');
    const js = await request(app).get('/assets/app-abc123.js').expect(200);
    expect(js.text).to.include('console.log(1)');
    expectProblem(await request(app).get('/assets/app-abc123.js.map'), 404);
    // nor through the single-page fallback, nor with another spelling of the path
    expectProblem(await request(app).get('/assets/app-abc123.js.map').set('Accept', 'text/html'), 404);
    expectProblem(await request(app).get('/assets/APP-abc123.js.MAP'), 404);
    expectProblem(await request(app).get('/assets/app-abc123.js.map?x=1'), 404);
  });

  it('outside production still serves them (debugging)', async () => {
    const res = await request(appFor('development')).get('/assets/app-abc123.js.map').expect(200);
    expect(res.text).to.include('secret.ts');
  });
});
