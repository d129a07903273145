/// <reference lib="dom" />
/**
 * The notification centre and the admin's outbox in Chromium (zh-CN): a mediator's unread badge rises
 * live when a party posts, the drawer lists it and opens the case; the administrator reads the mails
 * in the local outbox. Screenshots go to docs/screenshots/notification-drawer.png and admin-outbox*.png.
 */
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDirectory } from '../support/testApp.js';
import { useTestDatabase } from '../support/useTestDatabase.js';
import { apiAs } from './support/api.js';
import { launchChromium, skipWithoutChromium } from './support/chromium.js';
import { mediationTrademark } from './support/e2eComplaints.js';
import { startE2eServer, type E2eServer } from './support/e2eServer.js';
import { ensureClientBuilt } from './support/ensureClientBuilt.js';
import { openContext, screenshot, screenshotsOnFailure, signIn } from './support/ui.js';

/** The unread count the bell announces (its accessible name). */
async function unreadCount(page: Page): Promise<number> {
  const label = (await page.getByTestId('notification-bell').getAttribute('aria-label')) ?? '';
  return Number(/（(\d+) 条未读）/.exec(label)?.[1] ?? 0);
}

describe('notification centre and outbox (e2e, Chromium, zh-CN)', function () {
  this.timeout(180_000);
  const t = useTestDatabase('e2eNotify');
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let caseId = '';
  const title = '茶叶网店擅自使用“香茗”注册商标并销售仿冒礼盒';

  before(async function () {
    skipWithoutChromium(this);
    this.timeout(240_000);
    ensureClientBuilt();
    await seedDirectory(t.db);
    server = await startE2eServer(t.db);
    browser = await launchChromium();
    const complainant = await apiAs(server.app, 'complainant@demo.local');
    const admin = await apiAs(server.app, 'admin@demo.local');
    caseId = (await complainant.file(mediationTrademark(title))).id;
    await admin.act(caseId, { type: 'ACCEPT' });
    await admin.act(caseId, { type: 'ROUTE', channel: 'mediation' });
    const mediator = await apiAs(server.app, 'mediator@demo.local');
    await mediator.act(caseId, { type: 'ACCEPT_ASSIGNMENT' });
  });
  afterEach(async function () {
    await screenshotsOnFailure(this, contexts);
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it('a mediator sees the unread badge rise live when a party posts, opens it and lands on the case', async () => {
    const { context, page, errors } = await openContext(browser, server.url);
    contexts.push(context);
    await signIn(page, 'mediator@demo.local');
    // the assignment is already there
    await page.waitForFunction(() =>
      /（\d+ 条未读）/.test(
        document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') ?? '',
      ),
    );
    const before = await unreadCount(page);
    expect(before).to.be.greaterThan(0);
    await page.waitForTimeout(500); // the socket is connected (the live indicator) before the party posts
    await page.getByText('实时同步').first().waitFor();

    const complainant = await apiAs(server.app, 'complainant@demo.local');
    const res = await complainant.get(`/api/cases/${caseId}`).then(() =>
      import('supertest').then(({ default: request }) =>
        request(server.app)
          .post(`/api/cases/${caseId}/messages`)
          .set({ Authorization: `Bearer ${complainant.token}` })
          .send({ body: '我方愿意调解，希望对方下架仿冒礼盒。', visibility: 'joint' }),
      ),
    );
    expect(res.status).to.equal(201);

    await page.waitForFunction(
      (n) =>
        Number(
          /（(\d+) 条未读）/.exec(
            document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') ?? '',
          )?.[1] ?? 0,
        ) === n,
      before + 1,
    );
    expect(await unreadCount(page)).to.equal(before + 1);

    // the live toast said it too; closed, so it does not cover the drawer
    const toast = page.locator('.mantine-Notification-root').filter({ hasText: '新消息' });
    await toast.waitFor();
    await toast.locator('button').click();
    await toast.waitFor({ state: 'detached' });
    await page.getByTestId('notification-bell').click();
    const item = page.getByTestId('notification-item').filter({ hasText: '我方愿意调解' });
    await item.waitFor();
    expect(await item.getAttribute('data-unread')).to.equal('true');
    await expect(await item.innerText()).to.contain('新消息');
    await screenshot(page, 'notification-drawer');

    await item.click();
    await page.waitForURL((url) => url.pathname === `/cases/${caseId}`);
    await page.getByText(title).first().waitFor();
    await page.waitForFunction(
      (n) =>
        Number(
          /（(\d+) 条未读）/.exec(
            document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') ?? '',
          )?.[1] ?? 0,
        ) === n,
      before,
    );
    expect(errors).to.deep.equal([]);
  });

  it('the administrator reads the local outbox: the list, one mail, its links', async () => {
    await server.services.mailSender.tick();
    const { context, page, errors } = await openContext(browser, server.url);
    contexts.push(context);
    await signIn(page, 'admin@demo.local');
    await page.getByRole('link', { name: '发件箱' }).click();
    await page.waitForURL((url) => url.pathname === '/outbox');
    const table = page.getByTestId('outbox-table');
    await table.getByText('mediator@demo.local').first().waitFor();
    await page.getByText('本地发件箱（未配置 SMTP）').waitFor();
    expect(await table.getByText('保存在本地').count()).to.be.greaterThan(0);
    await screenshot(page, 'admin-outbox');

    const row = table
      .locator('tr')
      .filter({ hasText: '新案件指派' })
      .filter({ hasText: 'mediator@demo.local' });
    await row.getByRole('button', { name: '查看' }).click();
    const link = page.getByTestId('outbox-link').first();
    await link.waitFor();
    expect(await link.getAttribute('href')).to.equal(`${server.deps.config.publicUrl}/cases/${caseId}`);
    expect(await page.getByTestId('outbox-mail-text').innerText()).to.contain('已指派给您');
    await screenshot(page, 'admin-outbox-mail');
    expect(errors).to.deep.equal([]);
  });

  it('a forgotten password: the same answer for any e-mail, a link that works once; the settings screen', async () => {
    const { context, page, errors } = await openContext(browser, server.url);
    contexts.push(context);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: '忘记密码？' }).click();
    await page.getByLabel('电子邮箱').fill('complainant2@demo.local');
    await page.getByRole('button', { name: '发送重置链接' }).click();
    await page.getByText('如果该邮箱已注册，重置链接已发送').waitFor();

    let text = '';
    for (let i = 0; i < 100 && !text; i++) {
      const mail = await server.deps.db
        .collection('mail_outbox')
        .findOne({ template: 'passwordReset', to: 'complainant2@demo.local' });
      text = String(mail?.text ?? '');
      if (!text) await page.waitForTimeout(50);
    }
    const link = /(https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';
    expect(link).to.match(/\/reset-password\//);
    const path = new URL(link).pathname;
    await page.goto(path);
    await page.getByLabel(/^新密码/).fill('Lantern-orchard-47-quietly');
    await page.getByRole('button', { name: '设置新密码' }).click();
    await page.getByText('密码已重置，请用新密码登录。').waitFor();
    await screenshot(page, 'reset-password');
    await page.goto(path);
    await page.getByLabel(/^新密码/).fill('Another-orchard-48-quietly');
    await page.getByRole('button', { name: '设置新密码' }).click();
    await page.getByText('该链接无效：可能已使用过或已过期。请重新申请。').waitFor();

    // the settings screen: the mediator stops message mails
    const mediator = await openContext(browser, server.url);
    contexts.push(mediator.context);
    await signIn(mediator.page, 'mediator@demo.local');
    await mediator.page.getByTestId('user-menu').click();
    await mediator.page.getByRole('menuitem', { name: '账号与通知设置' }).click();
    await mediator.page.waitForURL((url) => url.pathname === '/settings');
    await mediator.page.getByLabel('新消息').uncheck();
    await mediator.page.getByRole('button', { name: '保存设置' }).click();
    await mediator.page.getByText('设置已保存。').waitFor();
    await screenshot(mediator.page, 'account-settings');
    const settings = await apiAs(server.app, 'mediator@demo.local').then((m) =>
      m.get('/api/notifications/settings'),
    );
    expect(settings.body.mailKinds).to.not.include('message');
    expect(errors.filter((e) => !/status of 422/.test(e))).to.deep.equal([]);
    expect(mediator.errors).to.deep.equal([]);
  });
});
