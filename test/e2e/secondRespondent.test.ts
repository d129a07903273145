/**
 * End-to-end (Chromium, real SMTP server on loopback): a case names two respondents (issue 12). Each
 * receives their own invitation mail; the first joins, the second follows the link from the mail they
 * received, registers, lands on the case (and sees only it) with both respondents listed and their
 * service, and consents: mediation starts only now that both have.
 */
import { expect } from 'chai';
import type { Browser, BrowserContext } from 'playwright-core';
import request from 'supertest';
import { startSmtpServer, type TestSmtpServer } from '../support/smtpServer.js';
import { login, seedDirectory } from '../support/testApp.js';
import { testConfig } from '../support/testConfig.js';
import { useTestDatabase } from '../support/useTestDatabase.js';
import { apiAs, type ApiAs } from './support/api.js';
import { launchChromium, skipWithoutChromium } from './support/chromium.js';
import { mediationTrademark } from './support/e2eComplaints.js';
import { startE2eServer, type E2eServer } from './support/e2eServer.js';
import { ensureClientBuilt } from './support/ensureClientBuilt.js';
import { openContext, screenshot, screenshotsOnFailure, signIn } from './support/ui.js';

const PUBLIC_URL = 'https://sevenfold.example.cn';
const LINK = /https:\/\/sevenfold\.example\.cn(\/invitations\/[A-Za-z0-9_-]{43})/;
const STRONG = 'violet-harbour-lantern-91';

describe('the second respondent of a case joins through the link in their mail (e2e, Chromium)', function () {
  this.timeout(180_000);
  const t = useTestDatabase('e2eSecondRespondent');
  let smtp: TestSmtpServer;
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const api: Record<string, ApiAs> = {};
  let caseId: string;
  let otherCaseId: string;

  /** The invitation link path of the mail the SMTP server received for `email` (waiting for it). */
  async function linkMailedTo(email: string): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const mail = smtp.received.find((m) => JSON.stringify(m.to).includes(email));
      const path = LINK.exec(mail?.text ?? '')?.[1];
      if (path) return path;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no invitation mailed to ${email}`);
  }

  before(async function () {
    skipWithoutChromium(this);
    this.timeout(240_000);
    ensureClientBuilt();
    await seedDirectory(t.db);
    smtp = await startSmtpServer();
    server = await startE2eServer(t.db, { config: testConfig({ SMTP_URL: smtp.url, PUBLIC_URL }) });
    browser = await launchChromium();
    for (const who of ['complainant', 'admin']) api[who] = await apiAs(server.app, `${who}@demo.local`);
    otherCaseId = (await api.complainant!.file(mediationTrademark('另一起纠纷：仿冒茶叶罐'))).id;
    const complaint = {
      ...mediationTrademark('两家公司共同仿冒“香茗”茶叶礼盒'),
      respondent: { name: '杭州茗润贸易有限公司', type: 'enterprise', email: 'legal@mingrun.example.cn' },
      otherRespondents: [
        { name: '宁波南方包装有限公司', type: 'enterprise', email: 'ip@nanfang-pack.example.cn' },
      ],
    };
    caseId = (await api.complainant!.file(complaint)).id;
    await api.admin!.act(caseId, { type: 'ACCEPT' });
    await api.admin!.act(caseId, { type: 'ROUTE', channel: 'mediation' });
    const view = (await api.admin!.get(`/api/cases/${caseId}`)).body as { mediatorId: string };
    const mediatorEmail = view.mediatorId === 'u-mediator2' ? 'mediator2@demo.local' : 'mediator@demo.local';
    await (await apiAs(server.app, mediatorEmail)).act(caseId, { type: 'ACCEPT_ASSIGNMENT' });
  });

  afterEach(async function () {
    await screenshotsOnFailure(this, contexts);
  });

  after(async function () {
    this.timeout(30_000);
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('each respondent gets one mail; the second follows theirs, registers, sees the case and consents after the first', async () => {
    const first = await linkMailedTo('legal@mingrun.example.cn');
    const second = await linkMailedTo('ip@nanfang-pack.example.cn');
    expect(first).to.not.equal(second);
    const mails = (to: string) => smtp.received.filter((m) => JSON.stringify(m.to).includes(to));
    expect(mails('mingrun')).to.have.length(1);
    expect(mails('nanfang-pack')).to.have.length(1);
    expect(mails('nanfang-pack')[0]!.text).to.contain('宁波南方包装有限公司');

    // the first respondent joins and consents (through the API: not what this test is about)
    const token = first.split('/').pop()!;
    const joined = await request(server.app)
      .post(`/api/invitations/${token}/register`)
      .send({ name: '杭州茗润贸易有限公司', password: STRONG })
      .expect(201);
    await request(server.app)
      .post(`/api/cases/${caseId}/actions`)
      .set({ Authorization: `Bearer ${joined.body.token as string}` })
      .send({ type: 'CONSENT' })
      .expect(200);

    // the second follows the link of the mail they received
    const { context, page } = await openContext(browser, server.url);
    contexts.push(context);
    await page.goto(second);
    const summary = page.getByTestId('invitation-summary');
    await summary.getByText('北京香茗茶业有限公司 在 Sevenfold 对 宁波南方包装有限公司 提出了投诉').waitFor();
    await page.getByLabel('名称（企业或个人）').fill('宁波南方包装有限公司');
    await page.getByLabel(/^密码/).fill(STRONG);
    await page.getByLabel(/^确认密码/).fill(STRONG);
    await page.getByRole('button', { name: '注册并查看案件' }).click();
    await page.waitForURL((url) => url.pathname === `/cases/${caseId}`);

    const card = page.getByTestId('respondents');
    await card.getByText('本案有 2 名被请求人').waitFor();
    await card.getByTestId('respondent-0').getByText('杭州茗润贸易有限公司').waitFor();
    await card.getByTestId('respondent-0').getByText('已同意调解').waitFor();
    await card.getByTestId('respondent-1').getByText('宁波南方包装有限公司（您）').waitFor();
    await card
      .getByTestId('respondent-1')
      .getByText(/已于 .* 送达（通过邀请链接确认收到）/)
      .waitFor();
    await card.getByTestId('respondents-period-mediationConsent').waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'second-respondent-first-view');

    // the second sees only this case
    await page.goto('/cases');
    await page.getByText('两家公司共同仿冒“香茗”茶叶礼盒').waitFor();
    expect(await page.getByText('另一起纠纷').count()).to.equal(0);
    const secondAuth = {
      Authorization: `Bearer ${await login(server.app, 'ip@nanfang-pack.example.cn', STRONG)}`,
    };
    await request(server.app).get(`/api/cases/${otherCaseId}`).set(secondAuth).expect(404);

    // the second consents: with both consents the sessions start
    await page.goto(`/cases/${caseId}`);
    await page.locator('[data-action="CONSENT"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '同意调解', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('[data-action="CONSENT"]').waitFor({ state: 'detached' });
    const after = (await api.admin!.get(`/api/cases/${caseId}`)).body as { stage: string };
    expect(after.stage).to.equal('inChannel.mediation.inSession.negotiating');
  });

  it('the complaint form names another respondent, with type and e-mail, and files both', async () => {
    const { context, page } = await openContext(browser, server.url);
    contexts.push(context);
    await signIn(page, 'complainant@demo.local');
    await page.goto('/cases/new');
    await page.getByRole('radio', { name: '商标', exact: true }).click();
    await page.getByLabel('专利号 / 注册号（第 1 项）').fill('第 12345678 号');
    await page.getByLabel('投诉标题').fill('两家公司共同销售仿冒茶叶罐');
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByRole('textbox', { name: '投诉人名称', exact: true }).fill('北京香茗茶业有限公司');
    await page.getByRole('textbox', { name: '被投诉人名称', exact: true }).fill('杭州茗润贸易有限公司');
    await page.getByRole('button', { name: '添加被投诉人' }).click();
    await page.getByLabel('其他被投诉人 1：名称').fill('宁波南方包装有限公司');
    await page.getByLabel('其他被投诉人 1：邮箱（选填）').fill('ip@nanfang-pack.example.cn');
    await page.getByTestId('other-respondents').scrollIntoViewIfNeeded();
    await screenshot(page, 'complaint-other-respondents');
    await page.getByRole('button', { name: '下一步' }).click();

    await page
      .getByLabel('侵权经过')
      .fill(
        '两家公司在同一电商店铺联合销售使用我司注册商标的茶叶罐，包装和标识完全相同，我们已公证购买样品并保存订单。',
      );
    await page.getByLabel('权利证书（专利证书、商标注册证等）').check();
    await page.getByLabel('侵权证据（实物、照片、公证购买等）').check();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('checkbox', { name: '停止侵权', exact: true }).check();
    await page.getByLabel('索赔金额（元）').fill('50000');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('button', { name: '查看渠道推荐' }).click();
    await page.getByText('杭州茗润贸易有限公司；宁波南方包装有限公司').waitFor();
    await page.getByRole('button', { name: '提交投诉' }).click();
    await page.waitForURL(/\/cases\/(?!new)[A-Za-z0-9_-]+$/);
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const filed = (await api.complainant!.get(`/api/cases/${id}`)).body as {
      complaint: { otherRespondents?: unknown[] };
      service: { respondents: { name: string }[] };
    };
    expect(filed.complaint.otherRespondents).to.deep.equal([
      { name: '宁波南方包装有限公司', type: 'enterprise', email: 'ip@nanfang-pack.example.cn' },
    ]);
    expect(filed.service.respondents.map((r) => r.name)).to.deep.equal([
      '杭州茗润贸易有限公司',
      '宁波南方包装有限公司',
    ]);
  });
});
