/// <reference lib="dom" />
/**
 * A session in use outlives its token (Chromium): with one-minute tokens, a mediator who keeps working
 * is still signed in after two minutes, their requests and socket working, because the client renews
 * the token; signing out everywhere from another browser then ends this one too.
 */
import { expect } from 'chai';
import request from 'supertest';
import type { Browser, BrowserContext } from 'playwright-core';
import { seedDirectory } from '../support/testApp.js';
import { testConfig } from '../support/testConfig.js';
import { useTestDatabase } from '../support/useTestDatabase.js';
import { apiAs } from './support/api.js';
import { launchChromium, skipWithoutChromium } from './support/chromium.js';
import { startE2eServer, type E2eServer } from './support/e2eServer.js';
import { ensureClientBuilt } from './support/ensureClientBuilt.js';
import { openContext, screenshotsOnFailure, signIn } from './support/ui.js';

describe('sessions that last a working day (e2e, Chromium)', function () {
  this.timeout(240_000);
  const t = useTestDatabase('e2eSessions');
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  before(async function () {
    skipWithoutChromium(this);
    this.timeout(240_000);
    ensureClientBuilt();
    await seedDirectory(t.db);
    server = await startE2eServer(t.db, { config: testConfig({ JWT_TTL_SECONDS: '60' }) });
    browser = await launchChromium();
  });
  afterEach(async function () {
    await screenshotsOnFailure(this, contexts);
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it('renews the token of a session in use, then ends it when signed out everywhere', async () => {
    const { context, page } = await openContext(browser, server.url);
    contexts.push(context);
    await signIn(page, 'mediator@demo.local');
    const firstToken = await page.evaluate(
      () => JSON.parse(localStorage.getItem('sevenfold.session') ?? '{}').token as string,
    );
    // two token lifetimes of work: a click every ten seconds
    for (let i = 0; i < 13; i++) {
      await page.mouse.click(700, 500);
      await page.waitForTimeout(10_000);
    }
    expect(new URL(page.url()).pathname).to.not.equal('/sign-in');
    const token = await page.evaluate(
      () => JSON.parse(localStorage.getItem('sevenfold.session') ?? '{}').token as string,
    );
    expect(token).to.be.a('string').and.not.equal(firstToken);
    await request(server.app)
      .get('/api/auth/me')
      .set({ Authorization: `Bearer ${firstToken}` })
      .expect(401);
    await request(server.app)
      .get('/api/auth/me')
      .set({ Authorization: `Bearer ${token}` })
      .expect(200);
    await page.getByText('实时同步').first().waitFor();
    await page.getByRole('link', { name: '我的案件' }).click();
    await page.waitForURL((url) => url.pathname === '/cases');

    // signed out everywhere from elsewhere: this browser is back at sign-in
    const elsewhere = await apiAs(server.app, 'mediator@demo.local');
    await request(server.app)
      .post('/api/auth/sign-out-everywhere')
      .set({ Authorization: `Bearer ${elsewhere.token}` })
      .expect(204);
    await page.waitForURL((url) => url.pathname.startsWith('/sign-in'));
  });
});
