/**
 * End-to-end tests of the web client in Debian's Chromium (playwright-core), against the real server
 * (app + realtime) over the embedded test database. The story runs in order: a rights holder files a
 * design-patent complaint, the protection center sees it arrive live, a mediator gets an assignment
 * live and writes to the rights holder, an outsider is kept out; screenshots go to docs/screenshots/.
 */
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDirectory } from '../support/testApp.js';
import { useTestDatabase } from '../support/useTestDatabase.js';
import { apiAs, type ApiAs } from './support/api.js';
import { launchChromium, skipWithoutChromium } from './support/chromium.js';
import { fastTrackDesign, inventionForScreening, mediationTrademark } from './support/e2eComplaints.js';
import { startE2eServer, type E2eServer } from './support/e2eServer.js';
import { designImages } from './support/evidenceImages.js';
import { ensureClientBuilt } from './support/ensureClientBuilt.js';
import { openContext, screenshot, screenshotsOnFailure, signIn } from './support/ui.js';

const LIVE_MS = 15_000;

describe('web client (e2e, Chromium)', function () {
  this.timeout(120_000);
  const t = useTestDatabase('e2e');
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const api: Record<string, ApiAs> = {};
  let holder: Page;
  let holderErrors: string[];
  let designCase: { id: string; caseNo: string; title: string };

  async function open(email: string): Promise<{ page: Page; errors: string[] }> {
    const { context, page, errors } = await openContext(browser, server.url);
    contexts.push(context);
    await signIn(page, email);
    return { page, errors };
  }

  before(async function () {
    skipWithoutChromium(this);
    this.timeout(240_000);
    ensureClientBuilt();
    await seedDirectory(t.db);
    server = await startE2eServer(t.db);
    expect(server.live, 'the realtime layer must be attached').to.equal(true);
    browser = await launchChromium();
    for (const who of ['complainant', 'complainant2', 'admin'])
      api[who] = await apiAs(server.app, `${who}@demo.local`);
    // Centers take new fast-track cases by load, then by id: a first case goes to the Beijing center,
    // so the case filed through the form lands at the Zhongguancun center of center@demo.local.
    const warmUp = await api.complainant2!.file(
      fastTrackDesign('预热案件：展会台灯仿冒', '天津展会贸易有限公司'),
    );
    await api.admin!.act(warmUp.id, { type: 'ACCEPT' });
    await api.admin!.act(warmUp.id, { type: 'ROUTE', channel: 'administrative', track: 'fast' });
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

  it('a rights holder files a design-patent complaint through the form and sees it in "My cases"', async () => {
    ({ page: holder, errors: holderErrors } = await open('complainant@demo.local'));
    expect(new URL(holder.url()).pathname).to.equal('/cases');
    const title = '电商店铺销售仿冒“流光”折叠台灯';

    await holder.getByRole('link', { name: '提交投诉' }).first().click();
    await holder.waitForURL('**/cases/new');
    // validated as you type with the shared Joi schema: Next shows what is missing
    await holder.getByRole('button', { name: '下一步' }).click();
    await holder.getByText('请填写投诉标题').waitFor();

    // 1. the right
    await holder.getByRole('radio', { name: '外观设计专利' }).click();
    await holder.getByLabel('专利号 / 注册号（第 1 项）').fill('ZL202130888888.1');
    await holder.getByLabel('名称（选填）').fill('折叠台灯');
    await holder.getByLabel('投诉标题').fill('台');
    await holder.getByText('投诉标题至少需要 3 个字符').waitFor();
    await holder.getByLabel('投诉标题').fill(title);
    expect(await holder.getByText('投诉标题至少需要 3 个字符').count()).to.equal(0);
    await holder.getByLabel('所属行业').fill('家居照明');
    await holder.getByRole('button', { name: '下一步' }).click();

    // 2. the parties
    await holder.getByRole('textbox', { name: '投诉人名称', exact: true }).fill('北京流光设计有限公司');
    await holder.getByRole('textbox', { name: '被投诉人名称', exact: true }).fill('杭州明亮贸易有限公司');
    await holder.getByRole('button', { name: '下一步' }).click();

    // 3. what happened: an e-commerce listing, clear evidence
    await holder
      .getByLabel('侵权经过')
      .fill(
        '2026 年 3 月，我们发现被投诉人在淘宝店铺销售的折叠台灯，在整体造型、灯臂折叠结构和底座图案上与我司已授权的外观设计专利几乎完全相同。我们已公证购买样品，保存了订单、实物照片和比对图。',
      );
    await holder.getByLabel('电商平台', { exact: true }).check();
    await holder.getByLabel('平台名称').fill('淘宝');
    await holder.getByLabel('商品链接').fill('https://item.taobao.com/item.htm?id=6698765432');
    await holder.getByLabel('权利证书（专利证书、商标注册证等）').check();
    await holder.getByLabel('侵权证据（实物、照片、公证购买等）').check();
    await holder.getByRole('button', { name: '下一步' }).click();

    // 4. the claim
    await holder.getByRole('checkbox', { name: '停止侵权', exact: true }).check();
    await holder.getByRole('checkbox', { name: '删除链接', exact: true }).check();
    await holder.getByLabel('索赔金额（元）').fill('30000');
    await holder.getByRole('button', { name: '下一步' }).click();

    // 5. consents, then the routing preview with its reasons
    await holder.getByRole('button', { name: '查看渠道推荐' }).click();
    const preview = holder.getByTestId('routing-preview');
    await preview.getByText('快速通道', { exact: true }).waitFor();
    const top = preview.locator('[data-channel]').first();
    expect(await top.getAttribute('data-channel')).to.equal('administrative');
    await preview.getByText('中小企业的外观设计专利纠纷，适合保护中心快速通道。').first().waitFor();
    await screenshot(holder, 'complaint-routing-preview');

    await holder.getByRole('button', { name: '提交投诉' }).click();
    await holder.waitForURL(/\/cases\/(?!new)[A-Za-z0-9_-]+$/);
    const id = new URL(holder.url()).pathname.split('/').pop() ?? '';

    await holder.getByRole('link', { name: '我的案件' }).first().click();
    const row = holder.locator(`tr[data-case-id="${id}"]`);
    await row.waitFor();
    expect(await row.textContent())
      .to.include(title)
      .and.to.include('立案审查');
    const filed = (await (
      await api.complainant!.get(`/api/cases/${id}`)
    ).body) as { caseNo: string; ipType: string };
    expect(filed.ipType).to.equal('designPatent');
    designCase = { id, caseNo: filed.caseNo, title };
  });

  it('a protection-center officer sees the case appear on the dashboard without reloading', async () => {
    const { page: center, errors } = await open('center@demo.local');
    expect(new URL(center.url()).pathname).to.equal('/center');
    await center.getByTestId('fig-cases').waitFor();
    // browser-side code is written as expressions: the test tsconfig has no DOM types
    await center.evaluate('window.__sameDocument = true');
    expect(await center.getByText(designCase.title).count()).to.equal(0);

    await api.admin!.act(designCase.id, { type: 'ACCEPT' });
    await api.admin!.act(designCase.id, { type: 'ROUTE', channel: 'administrative', track: 'fast' });
    const held = (await api.admin!.get(`/api/cases/${designCase.id}`)).body as { orgId: string };
    expect(held.orgId).to.equal('org-pc-zgc');

    const row = center.locator(`tr[data-case-id="${designCase.id}"]`);
    await row.waitFor({ timeout: LIVE_MS });
    expect(await center.evaluate('window.__sameDocument === true')).to.equal(true);
    expect(await row.locator('[data-clock-status]').first().getAttribute('data-clock-status')).to.equal(
      'onTrack',
    );
    expect(await row.textContent()).to.include('快速协同保护（外观设计）');

    // the registered design and the accused product, side by side
    const { registered, accused } = await designImages(browser);
    await api.complainant!.upload(
      designCase.id,
      registered,
      'registered-design.png',
      '[registeredDesign] 专利证书附图 主视图',
    );
    await api.complainant!.upload(
      designCase.id,
      accused,
      'accused-product.png',
      '[accusedProduct] 公证购买的样品照片',
    );
    await screenshot(center, 'center-dashboard');
    await row.getByRole('button', { name: `比对案件 ${designCase.caseNo} 的外观设计` }).click();
    const comparison = center.getByTestId('design-comparison');
    await comparison.waitFor();
    await center.waitForFunction(
      () => {
        type Img = { complete: boolean; naturalWidth: number };
        const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<Img> } })
          .document;
        const imgs = [...doc.querySelectorAll('[data-testid="design-comparison"] img')];
        return imgs.filter((i) => i.complete && i.naturalWidth > 0).length === 2;
      },
      undefined,
      { timeout: LIVE_MS },
    );
    await screenshot(center, 'center-design-comparison');
    expect(errors).to.deep.equal([]);

    // the rights holder's case page followed along: routed, at the center, evidence with its SHA-256
    await holder.goto(`/cases/${designCase.id}`);
    await holder.getByTestId('timeline').getByText('案件交由知识产权保护中心办理。').waitFor();
    // live events, gap fills and the first load never show an event twice
    const seqs = await holder
      .getByTestId('timeline')
      .locator('[data-seq]')
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-seq'))));
    expect(seqs.length).to.be.greaterThan(4);
    expect(new Set(seqs).size).to.equal(seqs.length);
    expect(seqs).to.deep.equal([...seqs].sort((a, b) => a - b));
    await screenshot(holder, 'case-page');
    await holder.getByRole('tab', { name: /证据/ }).click();
    expect(await holder.getByTestId('sha256').count()).to.equal(2);
  });

  it('a mediator sees a new assignment arrive live, accepts it, and the rights holder sees their message', async () => {
    const { page: mediator, errors } = await open('mediator@demo.local');
    expect(new URL(mediator.url()).pathname).to.equal('/mediator');
    await mediator.getByTestId('assignments').waitFor();

    const title = '茶叶店擅自使用“香茗”注册商标';
    const filed = await api.complainant!.file(mediationTrademark(title));
    await api.admin!.act(filed.id, { type: 'ACCEPT' });
    await api.admin!.act(filed.id, { type: 'ROUTE', channel: 'mediation' });

    const card = mediator.locator(`[data-testid="assignment"][data-case-id="${filed.id}"]`);
    await card.waitFor({ timeout: LIVE_MS });
    await card.getByRole('button', { name: '接受指派' }).waitFor();
    // the assignment comes as its own push and as a notification: one toast tells of it
    await mediator.locator('.mantine-Notification-root', { hasText: '新的指派' }).first().waitFor();
    await mediator.getByTestId('notification-count').waitFor();
    await new Promise((r) => setTimeout(r, 500));
    expect(await mediator.locator('.mantine-Notification-root', { hasText: '新的指派' }).count()).to.equal(1);
    await screenshot(mediator, 'mediator-console');

    // the rights holder has the case open
    await holder.goto(`/cases/${filed.id}`);
    await holder.getByRole('tab', { name: /消息/ }).waitFor();

    await card.getByRole('button', { name: '接受指派' }).click();
    const queued = mediator.locator(`tr[data-case-id="${filed.id}"]`);
    await queued.waitFor({ timeout: LIVE_MS });
    await queued.getByRole('link', { name: title }).click();
    await mediator.waitForURL(`**/cases/${filed.id}`);
    await mediator.getByTestId('timeline').getByText('调解员接受了指派。').waitFor({ timeout: LIVE_MS });

    const message = '两位好，我是本案调解员陈静。请双方在本周五前提交和解方案，我们下周一上午十点开调解会。';
    const box = mediator.getByLabel('在“联合会谈”中发送消息');
    await box.fill(message);
    await box.press('Enter');
    // in the chat once (the notification toast quotes it too)
    const chat = holder.getByRole('log');
    await chat.getByText(message).waitFor({ timeout: LIVE_MS });
    expect(await chat.getByText(message).count()).to.equal(1);

    // the workspace in English (the choice is remembered)
    await mediator.getByText('EN', { exact: true }).click();
    await mediator.getByText('What you can do now').waitFor();
    await mediator.reload();
    await mediator.getByRole('tab', { name: /^Joint/ }).waitFor();
    await mediator.getByText('The mediator accepted the assignment.').waitFor();
    await screenshot(mediator, 'mediator-workspace-en');
    expect(errors).to.deep.equal([]);
  });

  it("a user cannot reach another user's case by editing the URL", async () => {
    const { page: outsider } = await open('complainant2@demo.local');
    await outsider.goto(`/cases/${designCase.id}`);
    await outsider.getByTestId('case-not-found').waitFor();
    expect(await outsider.getByText(designCase.title).count()).to.equal(0);
    expect(await outsider.getByText('找不到该案件').count()).to.equal(1);
    await outsider.goto('/cases/no-such-case');
    await outsider.getByTestId('case-not-found').waitFor();
    // a role's screens are not reachable either
    await outsider.goto('/center');
    await outsider.getByTestId('not-found').waitFor();
  });

  it('the intake desk screens, triages and routes with an override reason', async () => {
    const screening = await api.complainant2!.file(inventionForScreening('电池管理模块侵犯发明专利'));
    const triage = await api.complainant!.file(mediationTrademark('网店仿冒“香茗”茶叶礼盒'));
    await api.admin!.act(triage.id, { type: 'ACCEPT' });

    const { page: desk, errors } = await open('admin@demo.local');
    expect(new URL(desk.url()).pathname).to.equal('/desk');
    await desk.locator(`[data-testid="desk-queue"] [data-case-id="${screening.id}"]`).click();
    const bench = desk.getByTestId('workbench');
    await bench.getByText('电池管理模块侵犯发明专利').waitFor();
    for (const action of ['ACCEPT', 'REQUEST_INFO', 'REJECT'])
      await bench.locator(`[data-action="${action}"]`).waitFor();
    await screenshot(desk, 'admin-screening');

    await desk.getByRole('tab', { name: /分流分派/ }).click();
    await desk.locator(`[data-testid="desk-queue"] [data-case-id="${triage.id}"]`).click();
    await bench.getByText('分流与渠道推荐').waitFor();
    await screenshot(desk, 'admin-triage');

    // route to a channel that is not the top recommendation: a reason is required
    await bench.locator('[data-action="ROUTE"]').click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByRole('radio', { name: /行政执法/ }).click();
    await dialog.getByText('您选择的不是推荐渠道，请在“理由”中说明原因。').waitFor();
    await dialog.getByRole('button', { name: '分派渠道' }).click();
    await dialog.getByText('请填写理由').waitFor();
    await dialog.getByLabel('理由').fill('被投诉人为多次侵权的网店，市场监管部门可一并查处。');
    await dialog.getByRole('button', { name: '分派渠道' }).click();
    await dialog.waitFor({ state: 'detached' });
    const routed = (await api.admin!.get(`/api/cases/${triage.id}`)).body as {
      channel: string;
      status: string;
    };
    expect(routed).to.include({ channel: 'administrative', status: 'inChannel' });

    // the statistics of the platform, with charts
    await desk.getByRole('link', { name: '统计分析' }).click();
    await desk.getByText('每周新收与结案').waitFor();
    await desk.locator('.recharts-surface').first().waitFor();
    expect(await desk.getByTestId('stats-period').innerText()).to.match(/^统计 \S+ 起受理的案件 · 统计时间 /);
    await screenshot(desk, 'admin-stats');
    expect(errors).to.deep.equal([]);
  });

  it('an expired session returns to sign-in and the half-filled complaint is still there', async () => {
    const { page, errors } = await open('complainant@demo.local');
    await page.goto('/cases/new');
    await page.getByRole('radio', { name: '商标' }).click();
    await page.getByLabel('专利号 / 注册号（第 1 项）').fill('TM 55550000');
    await page.getByLabel('投诉标题').fill('半途填写的商标投诉');

    // the token's lifetime runs out while the form is open, and the server will not renew it
    await page.route('**/api/auth/refresh', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Expired.' }),
      }),
    );
    await page.evaluate(`(() => {
      const session = JSON.parse(localStorage.getItem('sevenfold.session'));
      session.expiresAt = new Date(Date.now() + 8000).toISOString();
      localStorage.setItem('sevenfold.session', JSON.stringify(session));
    })()`);
    await page.reload();
    await page.getByLabel('投诉标题').waitFor();
    await page.waitForURL(/\/sign-in\?next=%2Fcases%2Fnew$/, { timeout: LIVE_MS });
    await page.getByText('登录已过期，请重新登录。').waitFor();
    await page.unroute('**/api/auth/refresh');
    await page.getByLabel('电子邮箱').fill('complainant@demo.local');
    await page.getByLabel(/^密码/).fill('sevenfold-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL('**/cases/new');
    expect(await page.getByLabel('投诉标题').inputValue()).to.equal('半途填写的商标投诉');
    expect(await page.getByLabel('专利号 / 注册号（第 1 项）').inputValue()).to.equal('TM 55550000');
    expect(await page.getByRole('radio', { name: '商标' }).getAttribute('aria-checked')).to.equal('true');

    // a request refused with 401 ends the session the same way
    await page.route('**/api/**', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          detail: 'The token expired.',
        }),
      }),
    );
    await page.getByRole('link', { name: '我的案件' }).first().click();
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByText('登录已过期，请重新登录。').waitFor();
    await page.unroute('**/api/**');
    expect(errors.filter((e) => !/401|Unauthorized/.test(e))).to.deep.equal([]);
    expect(holderErrors).to.deep.equal([]);
  });

  it('shows the rights holder\'s "My cases" with live clocks', async () => {
    await holder.goto('/cases');
    await holder.locator(`tr[data-case-id="${designCase.id}"]`).waitFor();
    await holder.locator(`tr[data-case-id="${designCase.id}"] [data-clock-status]`).first().waitFor();
    await screenshot(holder, 'rights-holder-my-cases');
  });
});
