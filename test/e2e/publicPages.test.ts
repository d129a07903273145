/// <reference lib="dom" />
/**
 * The public pages and the staff screens of issue 16 in Chromium: an anonymous visitor goes from the
 * sign-in page through the self-help guide into a pre-filled complaint; the published outcomes hide
 * small groups; the credit disclosure masks natural persons; a public report lands in the queue; staff
 * search a case by a Chinese word from its facts and export the list as CSV; the credit register
 * screen. Screenshots (zh-CN) go to docs/screenshots/public-*.png and staff-*.png.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { caseModel } from '../../server/cases/caseModel.js';
import { creditEntryModel } from '../../server/credit/creditEntryModel.js';
import { supervisionReportModel } from '../../server/public/supervisionReportModel.js';
import { seedDirectory } from '../support/testApp.js';
import { useTestDatabase } from '../support/useTestDatabase.js';
import { apiAs } from './support/api.js';
import { launchChromium, skipWithoutChromium } from './support/chromium.js';
import { mediationTrademark } from './support/e2eComplaints.js';
import { startE2eServer, type E2eServer } from './support/e2eServer.js';
import { ensureClientBuilt } from './support/ensureClientBuilt.js';
import { DEMO_PASSWORD, openContext, screenshot, screenshotsOnFailure, signIn } from './support/ui.js';

const DAY = 86_400_000;

describe('public pages, search and export, the credit register (e2e, Chromium)', function () {
  this.timeout(120_000);
  const t = useTestDatabase('e2ePublic');
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const teaTitle = '网店销售仿冒“香茗”商标茶叶';
  let teaCase = '';

  async function fresh(): Promise<Page> {
    const { context, page } = await openContext(browser, server.url);
    contexts.push(context);
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
    const other = await apiAs(server.app, 'complainant2@demo.local');
    teaCase = (
      await complainant.file({
        ...mediationTrademark(teaTitle),
        description:
          '被投诉人在网店长期销售假冒我方注册商标的龙井茶叶礼盒，包装与我方产品几乎相同，价格明显偏低。',
      })
    ).id;
    await other.file({
      ...mediationTrademark('台灯外观设计被抄袭'),
      description: '对方在电商平台销售与我方外观设计几乎相同的折叠台灯，已造成明显损失。',
    });
    const now = Date.now();
    // closed cases for the published outcomes: a group above the minimum sample (10), one below
    await caseModel(t.db).collection.insertMany(
      Array.from({ length: 14 }, (_, i) => ({
        _id: `closed-${i}`,
        caseNo: `CL-${i}`,
        channel: i < 12 ? 'mediation' : 'arbitration',
        track: i < 12 ? 'simple' : 'ordinary',
        status: 'closed',
        closureReason: i % 3 === 0 ? 'awarded' : 'settled',
        filedAt: new Date(now - 120 * DAY),
        closedAt: new Date(now - (120 - 10 - i * 3) * DAY),
        viewerKeys: [],
      })) as never[],
    );
    const entry = (id: string, name: string, partyType: string, status: string, days: number) => ({
      _id: id,
      caseNo: `SF-2026-${id}`,
      caseId: teaCase,
      name,
      nameKey: id,
      partyType,
      partyId: null,
      rightNumber: '第 12345678 号商标',
      ipType: 'trademark',
      decision: 'infringement:decided',
      legalBasis:
        'Administrative decision on infringement (Administrative Penalty Law art. 48; Regulations on the Disclosure of Government Information)',
      channel: 'administrative',
      date: new Date(now - days * DAY),
      removeAfter: status === 'pendingAppeal' ? null : new Date(now + (1000 - days) * DAY),
      listed: status !== 'removed',
      status,
      history: [],
    });
    await creditEntryModel(t.db).insertMany([
      entry('e1', '杭州明亮贸易有限公司', 'enterprise', 'final', 2),
      entry('e2', '张三丰', 'individual', 'final', 4),
      entry('e3', '深圳某某电子有限公司', 'enterprise', 'pendingAppeal', 1),
      entry('e4', '北京仿冒礼品有限公司', 'enterprise', 'objected', 6),
    ]);
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

  it('an anonymous visitor goes from the sign-in page through the self-help guide into a pre-filled complaint', async () => {
    const page = await fresh();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: '维权自助指引' }).click();
    await page.getByRole('heading', { name: '维权自助指引' }).waitFor();
    await page.getByRole('combobox', { name: '您的权利类型' }).click();
    await page.getByRole('option', { name: '外观设计专利' }).click();
    await page.getByLabel('电商平台 / 网络').check();
    await page.getByLabel('获得赔偿').check();
    const amount = page.getByLabel('主张金额（元，可估算）');
    await amount.fill('200000');
    const advice = page.getByTestId('self-help-advice');
    // the same routing rules as a filing: a design patent sold online goes to the protection center's fast track
    await advice.getByText('快速通道').first().waitFor();
    await advice.getByText('行政执法', { exact: false }).first().waitFor();
    await screenshot(page, 'public-self-help');
    await page.getByRole('button', { name: '按以上答案开始投诉' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel('电子邮箱').fill('complainant@demo.local');
    await page.getByLabel(/^密码/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/cases\/new/);
    const design = page.getByRole('radio', { name: '外观设计专利' });
    await design.waitFor();
    expect(await design.isChecked()).to.equal(true);
    const draft = await page.evaluate(() => sessionStorage.getItem('sevenfold.complaintDraft.u-complainant'));
    const stored = JSON.parse(draft ?? '{}') as {
      draft: { claim: { amountCny: string; remedies: string[] }; venue: { ecommerce: boolean } };
    };
    expect(stored.draft.claim).to.deep.equal({
      amountCny: '200000',
      remedies: ['cease', 'takedown', 'damages'],
    });
    expect(stored.draft.venue.ecommerce).to.equal(true);
  });

  it('the published outcomes show figures above the minimum sample and withhold the rest', async () => {
    const page = await fresh();
    await page.goto('/outcomes');
    const figures = page.getByTestId('public-metrics');
    await figures.waitFor();
    const mediation = figures.getByRole('row').filter({ hasText: '多元调解' }).first();
    await mediation.waitFor();
    expect(await mediation.textContent()).not.to.contain('样本不足');
    const arbitration = figures.getByRole('row').filter({ hasText: '商事仲裁' }).first();
    expect(await arbitration.textContent()).to.contain('样本不足，不公布');
    await screenshot(page, 'public-outcomes');
  });

  it('the credit disclosure names organisations and masks natural persons; nothing pending appeal', async () => {
    const page = await fresh();
    await page.goto('/disclosure');
    const table = page.getByTestId('disclosure-table');
    await table.getByText('杭州明亮贸易有限公司').waitFor();
    await table.getByText('张某').waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).not.to.contain('张三丰');
    expect(text).not.to.contain('深圳某某电子');
    expect(text).to.contain('侵权行政处理决定');
    await screenshot(page, 'public-disclosure');
  });

  it('a public report reaches the supervision office’s queue', async () => {
    const page = await fresh();
    await page.goto('/report');
    await page.getByLabel(/涉嫌侵权的主体/).fill('某某茶叶网店');
    await page.getByLabel(/具体地址或商品链接/).fill('https://shop.example.com/item/42');
    await page.getByLabel(/您看到的情况/).fill('该网店销售假冒香茗商标的茶叶礼盒，价格只有正品的三分之一。');
    await screenshot(page, 'public-report');
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.getByText(/举报已提交/).waitFor();
    expect(await supervisionReportModel(t.db).countDocuments({ subject: '某某茶叶网店' })).to.equal(1);
  });

  it('staff find a case by a Chinese word from its facts and export the list as CSV', async () => {
    const page = await fresh();
    await signIn(page, 'admin@demo.local');
    await page.goto('/cases');
    await page.getByLabel('搜索案件').fill('茶叶');
    await page.getByText(teaTitle).first().waitFor();
    await page.getByText('台灯外观设计被抄袭').waitFor({ state: 'detached' });
    await screenshot(page, 'staff-search');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    const file = readFileSync((await download.path()) as string, 'utf8');
    expect(file.charCodeAt(0)).to.equal(0xfeff);
    const lines = file.slice(1).trim().split('\r\n');
    expect(lines[0]).to.match(/^案号,案件名称,/);
    expect(lines).to.have.length(2);
    expect(lines[1]).to.contain(teaTitle.replace(/"/g, '""'));
  });

  it('the credit register screen lists entries by status with their source case and legal basis in Chinese', async () => {
    const page = await fresh();
    await signIn(page, 'admin@demo.local');
    await page.goto('/credit');
    const table = page.getByTestId('credit-register');
    await table.getByText('张三丰').waitFor();
    expect(await table.textContent()).to.contain('侵权行政处理决定（《行政处罚法》第四十八条');
    expect(await table.textContent()).not.to.contain('Administrative Penalty Law');
    await screenshot(page, 'staff-credit-register');
    await page.getByText('上诉期内（不公开）').first().click();
    await table.getByText('深圳某某电子有限公司').waitFor();
    await table.getByText('张三丰').waitFor({ state: 'detached' });
    await table.getByRole('link', { name: '异议与更正' }).first().click();
    await page.waitForURL(new RegExp(`/cases/${teaCase}`));
  });
});
