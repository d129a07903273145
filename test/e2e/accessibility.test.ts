/// <reference lib="dom" />
/**
 * axe-core on the main screens in Chromium (zh-CN): sign-in, the party portal, the case page, the
 * desk, the credit register and the public pages. No serious or critical violation may remain.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDirectory } from '../support/testApp.js';
import { useTestDatabase } from '../support/useTestDatabase.js';
import { apiAs } from './support/api.js';
import { launchChromium, skipWithoutChromium } from './support/chromium.js';
import { mediationTrademark } from './support/e2eComplaints.js';
import { startE2eServer, type E2eServer } from './support/e2eServer.js';
import { ensureClientBuilt } from './support/ensureClientBuilt.js';
import { openContext, screenshotsOnFailure, signIn } from './support/ui.js';

/** The serious and critical violations axe finds on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 4)
          .join(' | ')}`,
    );
}

describe('accessibility of the main screens (axe-core, Chromium)', function () {
  this.timeout(120_000);
  const t = useTestDatabase('e2eAxe');
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let caseId = '';

  async function open(email?: string): Promise<Page> {
    const { context, page } = await openContext(browser, server.url);
    contexts.push(context);
    if (email) await signIn(page, email);
    return page;
  }

  before(async function () {
    skipWithoutChromium(this);
    this.timeout(240_000);
    ensureClientBuilt();
    await seedDirectory(t.db);
    server = await startE2eServer(t.db);
    browser = await launchChromium();
    const complainant = await apiAs(server.app, 'complainant@demo.local');
    const admin = await apiAs(server.app, 'admin@demo.local');
    caseId = (await complainant.file(mediationTrademark('茶叶网店擅自使用“香茗”注册商标'))).id;
    await admin.act(caseId, { type: 'ACCEPT' });
    await admin.act(caseId, { type: 'ROUTE', channel: 'mediation' });
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

  it('the sign-in page and the public pages', async () => {
    const page = await open();
    const found: string[] = [];
    for (const [path, heading] of [
      ['/sign-in', '登录'],
      ['/help', '维权自助指引'],
      ['/report', '举报侵权线索'],
      ['/outcomes', '办案数据公开'],
      ['/disclosure', '信用信息公示'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, exact: true }).first().waitFor();
      await page.waitForLoadState('networkidle');
      found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
    }
    expect(found, found.join('\n')).to.deep.equal([]);
  });

  it('the party portal and the case page', async () => {
    const page = await open('complainant@demo.local');
    const found: string[] = [];
    await page.getByText('茶叶网店擅自使用').first().waitFor();
    found.push(...(await seriousViolations(page)).map((v) => `/cases: ${v}`));
    await page.goto(`/cases/${caseId}`);
    await page.getByRole('heading', { name: '茶叶网店擅自使用“香茗”注册商标' }).waitFor();
    await page.waitForLoadState('networkidle');
    found.push(...(await seriousViolations(page)).map((v) => `/cases/:id: ${v}`));
    expect(found, found.join('\n')).to.deep.equal([]);
  });

  it('the desk, all cases and the credit register (staff)', async () => {
    const page = await open('admin@demo.local');
    const found: string[] = [];
    for (const path of ['/desk', '/cases', '/credit']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await page.getByRole('heading').first().waitFor();
      found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
    }
    expect(found, found.join('\n')).to.deep.equal([]);
  });
});
