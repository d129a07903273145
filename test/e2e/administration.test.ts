/**
 * Administration in Chromium: the platform supervisor creates an organisation and invites a mediator
 * in it by e-mail (a real SMTP server on loopback receives the mail); the mediator follows the mail's
 * link, chooses a password, is signed in and receives an assignment; the supervisor then reads the
 * changes in the audit log. Saves the organisations, staff, invitation and audit screens (zh-CN).
 */
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Complaint } from '../../shared/schemas/complaint.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtpServer.js';
import { seedDirectory } from '../support/testApp.js';
import { testConfig } from '../support/testConfig.js';
import { useTestDatabase } from '../support/useTestDatabase.js';
import { apiAs, type ApiAs } from './support/api.js';
import { launchChromium, skipWithoutChromium } from './support/chromium.js';
import { mediationTrademark } from './support/e2eComplaints.js';
import { startE2eServer, type E2eServer } from './support/e2eServer.js';
import { ensureClientBuilt } from './support/ensureClientBuilt.js';
import { openContext, pickOptions, screenshot, screenshotsOnFailure, signIn } from './support/ui.js';

const ORG_ID = 'org-chaoyang-mediation';
const ORG_NAME = '朝阳区知识产权纠纷调解中心';
/** The address the mails' links start with (the test swaps it for the test server's). */
const PUBLIC_URL = 'https://sevenfold.example.cn';
const MEDIATOR = {
  name: '周梅',
  email: 'zhou.mei@chaoyang-mediation.example',
  password: 'Zhou-Mei-Mediates-2026',
};

/** A trademark mediation complaint with a registration of its own (so it is no duplicate of another). */
const complaint = (title: string, mark: string): Complaint => ({
  ...mediationTrademark(title),
  rights: [{ number: mark, title: '香茗（文字商标）' }],
});

describe('administration: a supervisor creates an organisation and a mediator, who signs in and gets a case (e2e, Chromium)', function () {
  this.timeout(180_000);
  const t = useTestDatabase('e2eAdministration');
  let server: E2eServer;
  let smtp: TestSmtpServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let api: { complainant: ApiAs; admin: ApiAs };

  /** Files a complaint and routes it into mediation; returns the case id and its mediator. */
  const routeToMediation = async (title: string, mark: string) => {
    const filed = await api.complainant.file(complaint(title, mark));
    await api.admin.act(filed.id, { type: 'ACCEPT' });
    await api.admin.act(filed.id, { type: 'ROUTE', channel: 'mediation' });
    const res = await api.admin.get(`/api/cases/${filed.id}`);
    return { id: filed.id, mediatorId: (res.body as { mediatorId: string | null }).mediatorId };
  };

  /** The invitation mails the SMTP server received for the new mediator. */
  const invitationsReceived = () =>
    smtp.received.filter(
      (m) => m.subject?.includes('邀请您加入') && JSON.stringify(m.to ?? '').includes(MEDIATOR.email),
    );
  const invitationMail = async () => {
    for (let i = 0; i < 300 && invitationsReceived().length === 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    const [mail] = invitationsReceived();
    if (!mail) throw new Error('no invitation mail');
    return mail;
  };

  before(async function () {
    skipWithoutChromium(this);
    this.timeout(240_000);
    ensureClientBuilt();
    await seedDirectory(t.db);
    smtp = await startSmtpServer();
    server = await startE2eServer(t.db, { config: testConfig({ SMTP_URL: smtp.url, PUBLIC_URL }) });
    browser = await launchChromium();
    api = {
      complainant: await apiAs(server.app, 'complainant@demo.local'),
      admin: await apiAs(server.app, 'admin@demo.local'),
    };
    const opened = await openContext(browser, server.url);
    contexts.push(opened.context);
    admin = opened.page;
    await signIn(admin, 'admin@demo.local');
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

  it('the supervisor creates an organisation on the organisations screen', async () => {
    // a case first, so the demo mediator is busy and the new mediator is the one free
    const first = await routeToMediation('茶叶店擅自使用“香茗”商标（第一案）', 'TM 55500001');
    expect(first.mediatorId).to.equal('u-mediator');

    await admin.getByRole('link', { name: '机构管理' }).click();
    await admin.waitForURL('**/admin/organisations');
    await admin.getByTestId('org-row-org-pc-zgc').waitFor();
    await admin.getByTestId('org-new').click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('机构编号').fill(ORG_ID);
    await dialog.getByLabel('中文名称').fill(ORG_NAME);
    await dialog.getByLabel('英文名称').fill('Chaoyang IP Dispute Mediation Center');
    await dialog.getByLabel('承办容量').fill('30');
    await dialog.getByLabel('地区').fill('朝阳区');
    await dialog.getByRole('button', { name: '创建机构' }).click();
    const row = admin.getByTestId(`org-row-${ORG_ID}`);
    await row.waitFor();
    expect(await row.innerText())
      .to.include('调解组织')
      .and.include('多元调解')
      .and.include('30');
    await dialog.waitFor({ state: 'hidden' });
    await admin.reload();
    await row.waitFor();
    await screenshot(admin, 'admin-organisations');
  });

  it('the supervisor invites a mediator in it by e-mail on the staff screen', async () => {
    await admin.getByTestId(`org-row-${ORG_ID}`).getByRole('link', { name: '人员' }).click();
    await admin.waitForURL(`**/admin/staff?org=${ORG_ID}`);
    await admin.getByText('该机构还没有人员。').waitFor();
    await admin.getByTestId('staff-new').click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('姓名').fill(MEDIATOR.name);
    await dialog.getByLabel('电子邮箱').fill(MEDIATOR.email);
    // an invitation by e-mail is the default: no password to hand over
    expect(await dialog.getByLabel('发送邀请邮件').isChecked()).to.equal(true);
    expect(await dialog.getByLabel('初始密码', { exact: true }).count()).to.equal(0);
    await pickOptions(admin, dialog.getByLabel('擅长领域'), ['商标', '著作权']);
    await pickOptions(admin, dialog.getByLabel('工作语言'), ['英语']);
    await dialog.getByRole('button', { name: '创建账号' }).click();
    const row = admin.getByTestId(`staff-row-${MEDIATOR.email}`);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).to.include('调解员').and.include('商标').and.include('英语').and.include('已邀请，尚未登录');
    await row.getByRole('button', { name: '重发邀请' }).waitFor();
    await screenshot(admin, 'admin-staff-invited');
    // the screen of an organisation with its lead, officers and mediators
    await admin.goto('/admin/staff?org=org-zgc-mediation');
    await admin.getByTestId('staff-row-mediation-office@demo.local').getByText('机构负责人').waitFor();
    await screenshot(admin, 'admin-staff');
  });

  it('the new mediator follows the mailed link, chooses a password, and finds the next case assigned', async () => {
    // the invitation the SMTP server received: its link
    const mail = await invitationMail();
    expect(mail?.subject).to.equal('【Sevenfold】邀请您加入知识产权纠纷平台');
    expect(mail?.text).to.include(MEDIATOR.name).and.include(ORG_NAME);
    const link = /https:\/\/\S+\/staff-invitation\/[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0] ?? '';
    expect(link.startsWith(`${PUBLIC_URL}/staff-invitation/`)).to.equal(true);
    expect(mail?.html).to.include(`href="${link}"`);
    const users = await api.admin.get(`/api/users?orgId=${ORG_ID}`);
    const created = (users.body as { items: { id: string; email: string }[] }).items.find(
      (u) => u.email === MEDIATOR.email,
    );
    expect(created).to.not.equal(undefined);
    const title = '茶叶店擅自使用“香茗”商标（第二案）';
    const second = await routeToMediation(title, 'TM 55500002');
    expect(second.mediatorId).to.equal(created?.id);

    const opened = await openContext(browser, server.url);
    contexts.push(opened.context);
    const page = opened.page;
    // the mail's link, on this test's server
    await page.goto(link.replace(PUBLIC_URL, server.url));
    await page.getByText(`${MEDIATOR.name}（${MEDIATOR.email}），请为您的工作账号设置密码`).waitFor();
    await screenshot(page, 'staff-invitation');
    await page.getByLabel(/^新密码/).fill(MEDIATOR.password);
    await page.getByRole('button', { name: '设置密码并登录' }).click();
    await page.waitForURL('**/mediator');
    const card = page.locator(`[data-testid="assignment"][data-case-id="${second.id}"]`);
    await card.waitFor();
    expect(await card.innerText()).to.include(title);
    await card.getByRole('button', { name: '接受指派' }).waitFor();
    expect(opened.errors).to.deep.equal([]);

    // the link worked once: opened again, it says so
    const again = await openContext(browser, server.url);
    contexts.push(again.context);
    await again.page.goto(link.replace(PUBLIC_URL, server.url));
    await again.page.getByTestId('invitation-invalid').waitFor();
    expect(await again.page.getByTestId('invitation-invalid').innerText()).to.include('该邀请链接已使用过');
    await screenshot(again.page, 'staff-invitation-used');
    // and in English
    await again.page.getByText('EN', { exact: true }).click();
    await again.page.getByText('This invitation link cannot be used').waitFor();
    expect(await again.page.getByTestId('invitation-invalid').innerText()).to.include(
      'This invitation link was used already',
    );
    await screenshot(again.page, 'staff-invitation-used-en');
    // the staff screen no longer shows the mediator as invited; the mail went once
    await admin.goto(`/admin/staff?org=${ORG_ID}`);
    await admin.getByTestId(`staff-row-${MEDIATOR.email}`).getByText('在岗').waitFor();
    expect(invitationsReceived()).to.have.length(1);
  });

  it('the supervisor reads both changes in the audit log, and who opened a case on its access log', async () => {
    await admin.getByRole('link', { name: '审计日志' }).click();
    await admin.waitForURL('**/admin/audit');
    const orgEntry = admin.locator('[data-testid="audit-row"][data-kind="org.create"]');
    const userEntry = admin.locator('[data-testid="audit-row"][data-kind="user.create"]');
    await orgEntry.waitFor();
    await userEntry.waitFor();
    expect(await orgEntry.innerText())
      .to.include('新建机构')
      .and.include(ORG_NAME)
      .and.include('Platform Supervisor')
      .and.include('容量：30');
    expect(await userEntry.innerText())
      .to.include('新建账号')
      .and.include(MEDIATOR.name)
      .and.include('角色：调解员')
      .and.include('工作语言：中文、英语');
    await screenshot(admin, 'admin-audit');

    // filtered to account creations only
    await admin.getByTestId('audit-kind').click();
    await admin.getByRole('option', { name: '新建账号', exact: true }).click();
    await admin.getByTestId('audit-apply').click();
    await admin.locator('[data-testid="audit-row"][data-kind="org.create"]').waitFor({ state: 'detached' });
    await userEntry.waitFor();
    expect(await admin.locator('[data-testid="audit-row"]').count()).to.equal(1);

    // the complainant opens their case; the supervisor sees it on the case's access log
    const cases = await api.complainant.get('/api/cases?limit=1&sort=-filedAt');
    const caseId = (cases.body as { items: { id: string }[] }).items[0]?.id ?? '';
    expect((await api.complainant.get(`/api/cases/${caseId}`)).status).to.equal(200);
    await admin.goto(`/cases/${caseId}`);
    await admin.getByTestId('access-log-tab').click();
    const view = admin.getByTestId('access-log').locator('[data-testid="audit-row"][data-kind="case.view"]');
    await view.first().waitFor();
    expect(await admin.getByTestId('access-log').innerText()).to.include('Lin Wei (Lumen Design)');
  });

  it('an organisation’s lead manages only their own staff, and reads their organisation’s audit log', async () => {
    const opened = await openContext(browser, server.url);
    contexts.push(opened.context);
    const lead = opened.page;
    await signIn(lead, 'mediation-office@demo.local');
    await lead.getByRole('link', { name: '人员管理' }).click();
    await lead.waitForURL('**/admin/staff');
    await lead.getByTestId('staff-row-mediator@demo.local').waitFor();
    expect(await lead.getByTestId('staff-org').isDisabled()).to.equal(true);
    expect(await lead.getByTestId('staff-org').inputValue()).to.equal('中关村知识产权纠纷人民调解委员会');
    // no organisations screen for a lead
    expect(await lead.getByRole('link', { name: '机构管理' }).count()).to.equal(0);
    await lead.goto('/admin/organisations');
    await lead.getByText('页面不存在', { exact: true }).waitFor();
    await lead.goto('/admin/staff');

    // deactivates a mediator of their organisation, then reactivates them
    const row = lead.getByTestId('staff-row-mediator2@demo.local');
    await row.getByRole('button', { name: '停用' }).click();
    await row.getByText('已停用').waitFor();
    await row.getByRole('button', { name: '重新启用' }).click();
    await row.getByText('在岗').waitFor();

    await lead.getByRole('link', { name: '审计日志' }).click();
    await lead.waitForURL('**/admin/audit');
    const changes = lead.locator('[data-testid="audit-row"][data-kind="user.update"]');
    await changes.first().waitFor();
    expect(await changes.count()).to.equal(2);
    expect(await changes.first().innerText()).to.include('启用：否 → 是');
    // the supervisor's creation of another organisation is not theirs to see
    expect(await lead.locator('[data-testid="audit-row"][data-kind="org.create"]').count()).to.equal(0);
    expect(opened.errors).to.deep.equal([]);
  });
});
