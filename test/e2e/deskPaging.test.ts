/**
 * End-to-end (Chromium): the intake desk shows its queue 25 at a time, says how many there are, and
 * loads the rest on request, oldest filing first (one request per page carries the queue badges too).
 */
import { expect } from 'chai';
import type { Browser, BrowserContext } from 'playwright-core';
import { seedDirectory } from '../support/testApp.js';
import { useTestDatabase } from '../support/useTestDatabase.js';
import { apiAs } from './support/api.js';
import { launchChromium, skipWithoutChromium } from './support/chromium.js';
import { mediationTrademark } from './support/e2eComplaints.js';
import { startE2eServer, type E2eServer } from './support/e2eServer.js';
import { ensureClientBuilt } from './support/ensureClientBuilt.js';
import { openContext, screenshot, screenshotsOnFailure, signIn } from './support/ui.js';

describe('the intake desk pages its queue (e2e, Chromium)', function () {
  this.timeout(120_000);
  const t = useTestDatabase('e2eDeskPaging');
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const filed: string[] = [];

  before(async function () {
    skipWithoutChromium(this);
    this.timeout(240_000);
    ensureClientBuilt();
    await seedDirectory(t.db);
    server = await startE2eServer(t.db);
    browser = await launchChromium();
    const holder = await apiAs(server.app, 'complainant@demo.local');
    for (let i = 1; i <= 28; i++) filed.push((await holder.file(mediationTrademark(`排队测试案件 ${i}`))).id);
  });

  afterEach(async function () {
    await screenshotsOnFailure(this, contexts);
  });

  after(async function () {
    this.timeout(30_000);
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it('shows 25 of 28 with the count, then the last 3 on 加载更多, in filing order', async () => {
    const { context, page } = await openContext(browser, server.url);
    contexts.push(context);
    await signIn(page, 'admin@demo.local');
    const queue = page.getByTestId('desk-queue');
    await queue.locator('[data-case-id]').first().waitFor();
    expect(await page.getByTestId('desk-shown').innerText()).to.equal('显示 25 / 共 28 件（按提交先后）');
    expect(await page.getByRole('tab', { name: /立案审查/ }).innerText()).to.contain('28');
    const shown = async () =>
      queue.locator('[data-case-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-id')));
    expect(await shown()).to.deep.equal(filed.slice(0, 25));
    await page.getByTestId('desk-more').scrollIntoViewIfNeeded();
    await screenshot(page, 'desk-queue-more');
    await page.getByTestId('desk-more').click();
    await page.getByText('显示 28 / 共 28 件（按提交先后）').waitFor();
    expect(await shown()).to.deep.equal(filed);
    expect(await page.getByTestId('desk-more').count()).to.equal(0);
  });
});
