/**
 * Social supervision in Chromium: an anonymous visitor files a public report; the supervision office
 * finds it on its reports screen, opens it, acknowledges it and marks it handled with a note; the
 * screen in English. Screenshots: docs/screenshots/supervision-reports*.png.
 */
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDirectory } from '../support/testApp.js';
import { useTestDatabase } from '../support/useTestDatabase.js';
import { launchChromium, skipWithoutChromium } from './support/chromium.js';
import { startE2eServer, type E2eServer } from './support/e2eServer.js';
import { ensureClientBuilt } from './support/ensureClientBuilt.js';
import { openContext, screenshot, screenshotsOnFailure, signIn } from './support/ui.js';

const SUBJECT = '某某茶叶网店';

describe('supervision office: a public report filed anonymously is acknowledged and handled (e2e, Chromium)', function () {
  this.timeout(180_000);
  const t = useTestDatabase('e2eSupervision');
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let office: Page;
  let officeErrors: string[];

  before(async function () {
    skipWithoutChromium(this);
    this.timeout(240_000);
    ensureClientBuilt();
    await seedDirectory(t.db);
    server = await startE2eServer(t.db);
    browser = await launchChromium();
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

  it('an anonymous visitor files a report on the public form', async () => {
    const { context, page, errors } = await openContext(browser, server.url);
    contexts.push(context);
    await page.goto('/report');
    await page.getByLabel(/涉嫌侵权的主体/).fill(SUBJECT);
    await page.getByLabel(/具体地址或商品链接/).fill('https://shop.example.com/item/42');
    await page.getByLabel(/您看到的情况/).fill('该网店销售假冒香茗商标的茶叶礼盒，价格只有正品的三分之一。');
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.getByText(/举报已提交/).waitFor();
    expect(errors).to.deep.equal([]);
  });

  it('the supervision office finds it on its screen, acknowledges it and marks it handled', async () => {
    const opened = await openContext(browser, server.url);
    contexts.push(opened.context);
    office = opened.page;
    officeErrors = opened.errors;
    await signIn(office, 'supervision@demo.local');
    await office.getByRole('link', { name: '公众举报' }).click();
    await office.waitForURL('**/supervision/reports');
    const row = office.locator('[data-testid="report-row"]', { hasText: SUBJECT });
    await row.waitFor();
    expect(await row.innerText())
      .to.include('待受理')
      .and.include('商标')
      .and.include('电商平台')
      .and.include('该网店销售假冒香茗商标');
    await screenshot(office, 'supervision-reports');

    await row.click();
    const detail = office.getByTestId('report-detail');
    await detail.waitFor();
    expect(await detail.innerText())
      .to.include('https://shop.example.com/item/42')
      .and.include('匿名举报');
    await detail.getByRole('button', { name: '确认受理' }).click();
    await detail.getByTestId('report-status').getByText('已受理').waitFor();
    await detail.getByText(/He Jie \(Public Supervision Office\) 于 .* 受理/).waitFor();
    await detail.getByLabel(/处理意见/).fill('已转交市场监管部门查处，并告知电商平台下架相关商品。');
    await detail.getByRole('button', { name: '标记为已处理' }).click();
    await detail.getByTestId('report-status').getByText('已处理').waitFor();
    expect(await detail.innerText()).to.include('已转交市场监管部门查处');
    await screenshot(office, 'supervision-report-handled');

    // the list follows; the handled filter shows it, the new filter no longer does
    await office.keyboard.press('Escape');
    await row.getByText('已处理').waitFor();
    await office.getByTestId('report-filter').getByText('待受理').click();
    await office.getByText('暂无举报。').waitFor();
    await office.getByTestId('report-filter').getByText('已处理').click();
    await row.waitFor();
    expect(officeErrors).to.deep.equal([]);
  });

  it('the screen in English, and the audit log holds both steps', async () => {
    await office.getByText('EN', { exact: true }).click();
    await office.getByRole('heading', { name: 'Public reports' }).waitFor();
    const row = office.locator('[data-testid="report-row"]', { hasText: SUBJECT });
    await row.getByText('Handled').waitFor();
    expect(await row.innerText()).to.include('Trademark');
    await row.click();
    await office.getByTestId('report-detail').getByText('Handled by').waitFor();
    await screenshot(office, 'supervision-reports-en');
    await office.keyboard.press('Escape');

    await office.getByRole('link', { name: 'Audit log' }).click();
    await office.waitForURL('**/admin/audit');
    await office.locator('[data-testid="audit-row"][data-kind="report.acknowledge"]').waitFor();
    const handled = office.locator('[data-testid="audit-row"][data-kind="report.handle"]');
    await handled.waitFor();
    // (the kind is a badge, in capitals)
    expect((await handled.innerText()).toLowerCase()).to.include('handled a public report');
    expect(await handled.innerText())
      .and.include(SUBJECT)
      .and.include('Status: Acknowledged → Handled');
    // back to Chinese for the next reader
    await office.getByText('中文', { exact: true }).click();
    expect(officeErrors).to.deep.equal([]);
  });
});
