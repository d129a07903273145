/**
 * End-to-end (Chromium): an e-commerce design-patent case through a protection center's
 * determination of infringement and the takedown; the seller files a counter-notice in the browser,
 * the center records that it reached the rights holder, the rights holder is offered the step the
 * law names (notice of a complaint or lawsuit, E-Commerce Law art. 43), and when the period expires
 * the listing stays down — the determination is the complaint of art. 43 (issue 14).
 */
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../server/cases/systemActor.js';
import { seedDirectory } from '../support/testApp.js';
import { useTestDatabase } from '../support/useTestDatabase.js';
import { apiAs, type ApiAs } from './support/api.js';
import { launchChromium, skipWithoutChromium } from './support/chromium.js';
import { fastTrackDesign } from './support/e2eComplaints.js';
import { startE2eServer, type E2eServer } from './support/e2eServer.js';
import { ensureClientBuilt } from './support/ensureClientBuilt.js';
import { openContext, screenshotsOnFailure, signIn } from './support/ui.js';

describe('e-commerce counter-notice after a determination of infringement (e2e, Chromium)', function () {
  this.timeout(120_000);
  const t = useTestDatabase('e2eCounterNotice');
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const api: Record<string, ApiAs> = {};
  let caseId: string;

  async function open(email: string): Promise<Page> {
    const { context, page } = await openContext(browser, server.url);
    contexts.push(context);
    await signIn(page, email);
    await page.goto(`/cases/${caseId}`);
    await page.getByTestId('actions').or(page.getByText('目前没有需要您处理的操作。')).first().waitFor();
    return page;
  }

  /** The action buttons the page offers, by type. */
  async function offered(page: Page): Promise<string[]> {
    await page.getByTestId('timeline').waitFor();
    const buttons = page.locator('[data-action]');
    const types: string[] = [];
    for (let i = 0; i < (await buttons.count()); i++)
      types.push((await buttons.nth(i).getAttribute('data-action')) ?? '');
    return types;
  }

  before(async function () {
    skipWithoutChromium(this);
    this.timeout(240_000);
    ensureClientBuilt();
    await seedDirectory(t.db);
    server = await startE2eServer(t.db);
    browser = await launchChromium();
    for (const who of ['complainant', 'admin', 'center', 'investigator'])
      api[who] = await apiAs(server.app, `${who}@demo.local`);
    const complaint = fastTrackDesign('淘宝店铺仿冒“流光”台灯', '杭州明亮贸易有限公司');
    const filed = await api.complainant!.file({
      ...complaint,
      respondent: { ...complaint.respondent, email: 'respondent@demo.local' },
    });
    caseId = filed.id;
    await api.admin!.act(caseId, { type: 'ACCEPT' });
    await api.admin!.act(caseId, {
      type: 'ROUTE',
      channel: 'administrative',
      track: 'fast',
      orgId: 'org-pc-zgc',
    });
    await api.center!.act(caseId, { type: 'ACCEPT' });
    await api.center!.act(caseId, { type: 'ASSIGN_INVESTIGATOR', investigatorId: 'u-investigator' });
    await api.investigator!.act(caseId, {
      type: 'SUBMIT_TECH_REPORT',
      summary: '整体视觉效果无实质性差异。',
      match: true,
    });
    await api.center!.act(caseId, { type: 'DETERMINE', infringement: true, remedy: 'takedown' });
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

  it('the seller files a counter-notice in the browser; no restore clock runs before it reaches the rights holder', async () => {
    const seller = await open('respondent@demo.local');
    await seller.getByText('删除链接').first().waitFor();
    await seller.locator('[data-action="COUNTER_NOTICE"]').click();
    await seller.getByLabel('声明内容').fill('我司台灯为自主设计，底座图案与专利不同。');
    await seller.getByRole('dialog').getByRole('button', { name: '提交不侵权声明' }).click();
    await seller.getByText('提交了不侵权声明').first().waitFor();
    const view = (await api.admin!.get(`/api/cases/${caseId}`)).body as { clocks: { clock: string }[] };
    expect(view.clocks.map((c) => c.clock)).to.not.include('ecommerceRestore');
  });

  it('the center records that the platform forwarded it; the rights holder is offered a notice of complaint or lawsuit', async () => {
    const center = await open('center@demo.local');
    await center.locator('[data-action="FORWARD_COUNTER_NOTICE"]').click();
    await center.getByRole('dialog').getByRole('button', { name: '登记声明已转送权利人' }).click();
    await center.getByText('第四十三条规定的15日自此起算').first().waitFor();

    const holder = await open('complainant@demo.local');
    await holder.getByText('声明已转送权利人').first().waitFor();
    const actions = await offered(holder);
    expect(actions).to.include('NOTIFY_COMPLAINT');
    expect(actions).to.not.include('PROVIDE_INFO');
    await holder.getByRole('button', { name: '告知已投诉或起诉' }).waitFor();
    expect(await holder.getByText('提交补正材料').count()).to.equal(0);
  });

  it('when the period expires the listing stays down: the determination is the complaint of art. 43', async () => {
    // the platform's clock fires the restore period, as the deadline scheduler would at its due date
    await server.engine.store.transition(caseId, SYSTEM_ACTOR, {
      type: 'DEADLINE',
      clock: 'ecommerceRestore',
    });
    const holder = await open('complainant@demo.local');
    await holder.getByText('已届满').first().waitFor();
    const view = (await api.admin!.get(`/api/cases/${caseId}`)).body as {
      status: string;
      outcome: { remedy: string; infringementFound: boolean };
    };
    expect(view.status).to.equal('resolved');
    expect(view.outcome).to.include({ remedy: 'takedown', infringementFound: true });
    expect(await holder.getByText('恢复链接').count()).to.equal(0);
    expect(await offered(holder)).to.not.include('NOTIFY_COMPLAINT');
  });
});
