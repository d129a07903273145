/**
 * End-to-end (Chromium): a respondent who has no account follows the invitation link of a routed
 * case (issue 12), registers through it, lands on the case, sees each party's countdown — the
 * consent period now running from service — and consents to mediation. A used link then says so.
 */
import { expect } from 'chai';
import type { Browser, BrowserContext } from 'playwright-core';
import { seedDirectory } from '../support/testApp.js';
import { useTestDatabase } from '../support/useTestDatabase.js';
import { apiAs, type ApiAs } from './support/api.js';
import { launchChromium, skipWithoutChromium } from './support/chromium.js';
import { mediationTrademark } from './support/e2eComplaints.js';
import { startE2eServer, type E2eServer } from './support/e2eServer.js';
import { ensureClientBuilt } from './support/ensureClientBuilt.js';
import { openContext, screenshot, screenshotsOnFailure, signIn } from './support/ui.js';

describe('a respondent joins through the invitation link (e2e, Chromium)', function () {
  this.timeout(180_000);
  const t = useTestDatabase('e2eInvitation');
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const api: Record<string, ApiAs> = {};
  let caseId: string;
  let token: string;

  before(async function () {
    skipWithoutChromium(this);
    this.timeout(240_000);
    ensureClientBuilt();
    await seedDirectory(t.db);
    server = await startE2eServer(t.db);
    browser = await launchChromium();
    for (const who of ['complainant', 'admin']) api[who] = await apiAs(server.app, `${who}@demo.local`);
    const complaint = {
      ...mediationTrademark('网店仿冒“香茗”茶叶礼盒'),
      respondent: { name: '杭州茗润贸易有限公司', type: 'enterprise', email: 'legal@mingrun.example.cn' },
    };
    caseId = (await api.complainant!.file(complaint)).id;
    await api.admin!.act(caseId, { type: 'ACCEPT' });
    await api.admin!.act(caseId, { type: 'ROUTE', channel: 'mediation' });
    // the mediator the platform assigned accepts: the respondent's consent is asked from then on
    const view = (await api.admin!.get(`/api/cases/${caseId}`)).body as { mediatorId: string };
    const mediatorEmail = view.mediatorId === 'u-mediator2' ? 'mediator2@demo.local' : 'mediator@demo.local';
    await (await apiAs(server.app, mediatorEmail)).act(caseId, { type: 'ACCEPT_ASSIGNMENT' });
    // the mail as the outbox keeps it (no SMTP server here): its link
    const mail = await t.db.collection('mail_outbox').findOne({ caseId, template: 'invitation' });
    token = /\/invitations\/([A-Za-z0-9_-]{43})/.exec(String(mail?.text))?.[1] ?? '';
    expect(token).to.have.length(43);
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

  it('opens the link, registers, sees the case with each party’s countdown, and consents', async () => {
    const { context, page } = await openContext(browser, server.url);
    contexts.push(context);
    await page.goto(`/invitations/${token}`);
    const summary = page.getByTestId('invitation-summary');
    await summary.getByText('北京香茗茶业有限公司 在 Sevenfold 对 杭州茗润贸易有限公司 提出了投诉').waitFor();
    await summary.getByText('l***@mingrun.example.cn').waitFor();
    await screenshot(page, 'invitation-landing');

    await page.getByLabel('名称（企业或个人）').fill('杭州茗润贸易有限公司');
    await page.getByLabel(/^密码/).fill('violet-harbour-lantern-91');
    await page.getByLabel(/^确认密码/).fill('violet-harbour-lantern-91');
    await page.getByRole('button', { name: '注册并查看案件' }).click();
    await page.waitForURL((url) => url.pathname === `/cases/${caseId}`);
    await page.getByTestId('clocks').waitFor();
    const consent = page.getByTestId('clock-mediationConsent');
    await consent.getByText('被请求人', { exact: true }).waitFor();
    await page.getByTestId('clock-mediation').getByText('调解员', { exact: true }).waitFor();
    await page
      .getByTestId('service')
      .getByText(/通过邀请链接确认收到/)
      .waitFor();
    await page.getByTestId('clocks').scrollIntoViewIfNeeded();
    await screenshot(page, 'case-party-countdowns');

    await page.locator('[data-action="CONSENT"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '同意调解', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-action="CONSENT"]').waitFor({ state: 'detached' });
    const after = (await api.admin!.get(`/api/cases/${caseId}`)).body as { stage: string };
    expect(after.stage).to.equal('inChannel.mediation.inSession.negotiating');
  });

  it('a used link, opened by someone else, says so and shows nothing of the case', async () => {
    const { context, page } = await openContext(browser, server.url);
    contexts.push(context);
    await page.goto(`/invitations/${token}`);
    await page.getByTestId('invitation-error').getByText('此邀请链接已被使用').waitFor();
    expect(await page.getByText('香茗').count()).to.equal(0);
    await page.goto(`/invitations/${'Z'.repeat(43)}`);
    await page.getByTestId('invitation-error').getByText('邀请链接无效').waitFor();
  });

  it('the staff see the invitation, its address and that it was claimed; parties do not', async () => {
    const { context, page } = await openContext(browser, server.url);
    contexts.push(context);
    await signIn(page, 'admin@demo.local');
    await page.goto(`/cases/${caseId}`);
    const card = page.getByTestId('invitations');
    await card.getByText('legal@mingrun.example.cn').waitFor();
    await card.getByText('已认领').waitFor();
    expect(await card.getByRole('button', { name: /重新发送邀请/ }).count()).to.equal(0);
    const holder = await openContext(browser, server.url);
    contexts.push(holder.context);
    await signIn(holder.page, 'complainant@demo.local');
    await holder.page.goto(`/cases/${caseId}`);
    await holder.page.getByTestId('clocks').waitFor();
    expect(await holder.page.getByTestId('invitations').count()).to.equal(0);
    expect(await holder.page.getByText('legal@mingrun.example.cn').count()).to.equal(0);
  });
});
