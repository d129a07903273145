/**
 * End-to-end (Chromium): a court case through judgment, the appeal window and compliance, as the
 * people on it see it (issue 14). The judge renders the judgment in the browser; the parties see the
 * 15-day appeal period count down and may appeal; when it passes unappealed the judgment is final, and
 * only then does the court open and record compliance.
 */
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../../server/cases/systemActor.js';
import { seedDirectory } from '../support/testApp.js';
import { useTestDatabase } from '../support/useTestDatabase.js';
import { apiAs, type ApiAs } from './support/api.js';
import { launchChromium, skipWithoutChromium } from './support/chromium.js';
import { mediationTrademark } from './support/e2eComplaints.js';
import { startE2eServer, type E2eServer } from './support/e2eServer.js';
import { ensureClientBuilt } from './support/ensureClientBuilt.js';
import { openContext, screenshot, screenshotsOnFailure, signIn } from './support/ui.js';

describe('a court case through judgment, the appeal window and compliance (e2e, Chromium)', function () {
  this.timeout(120_000);
  const t = useTestDatabase('e2eCourtAppeal');
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
    await page.getByTestId('timeline').waitFor();
    return page;
  }

  /** The action buttons the page offers, by type. */
  async function offered(page: Page): Promise<string[]> {
    const buttons = page.locator('[data-action]');
    const types: string[] = [];
    for (let i = 0; i < (await buttons.count()); i++)
      types.push((await buttons.nth(i).getAttribute('data-action')) ?? '');
    return types;
  }

  async function act(page: Page, type: string, label: string, fill?: (dialog: Page) => Promise<void>) {
    await page.locator(`[data-action="${type}"]`).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    if (fill) await fill(page);
    await dialog.getByRole('button', { name: label, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  before(async function () {
    skipWithoutChromium(this);
    this.timeout(240_000);
    ensureClientBuilt();
    await seedDirectory(t.db);
    server = await startE2eServer(t.db);
    browser = await launchChromium();
    for (const who of ['complainant', 'admin', 'court', 'respondent'])
      api[who] = await apiAs(server.app, `${who}@demo.local`);
    const filed = await api.complainant!.file(mediationTrademark('网店仿冒“香茗”茶叶礼盒（诉讼）'));
    caseId = filed.id;
    await api.admin!.act(caseId, { type: 'ACCEPT' });
    await api.admin!.act(caseId, { type: 'ROUTE', channel: 'judicial', reason: '权利人要求判决并赔偿' });
    await api.respondent!.act(caseId, { type: 'RESPOND', answer: '我方不构成侵权，商标图样不同。' });
    await api.court!.act(caseId, { type: 'START_TRIAL' });
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

  it('the judge schedules a hearing (安排开庭) three days ahead; a sooner one is refused; the party adds it to a calendar', async () => {
    const court = await open('court@demo.local');
    const button = court.locator('[data-action="SCHEDULE_SESSION"]');
    expect((await button.innerText()).trim()).to.equal('安排开庭');
    /** A Beijing wall time `days` from now at 09:30, as the datetime-local field takes it. */
    const beijingDay = (days: number) =>
      `${new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)}T09:30`;
    await button.click();
    const dialog = court.getByRole('dialog');
    await dialog.getByText('《民事诉讼法》第一百三十九条').waitFor();
    await dialog.getByLabel(/时间/).first().fill(beijingDay(1));
    await dialog.getByRole('button', { name: '安排开庭', exact: true }).click();
    await dialog.getByText('开庭日期须在通知当事人三日之后').waitFor();
    await dialog.getByLabel(/时间/).first().fill(beijingDay(10));
    await screenshot(court, 'court-hearing-dialog');
    await dialog.getByRole('button', { name: '安排开庭', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await court
      .getByTestId('timeline')
      .getByText(/安排了开庭/)
      .waitFor();

    const holder = await open('complainant@demo.local');
    const line = holder.getByTestId('timeline').getByText(/安排了开庭/);
    await line.waitFor();
    const download = holder.waitForEvent('download');
    await holder.getByTestId('session-ics').first().click();
    const file = await download;
    expect(file.suggestedFilename()).to.match(/-hearing-\d+\.ics$/);
    await screenshot(holder, 'court-hearing-timeline');
    await api.court!.act(caseId, { type: 'RECORD_SESSION', notes: '双方就侵权与赔偿发表意见。' });
  });

  it('the judge estimates the damages, renders the judgment from the estimate; compliance waits for the appeal window', async () => {
    const court = await open('court@demo.local');
    // the calculator: the statutory order of methods, each line with its basis
    const card = court.locator('#damages');
    await card.getByLabel('实际损失（元）').fill('16000');
    await card.getByLabel('合理开支（元）').fill('4000');
    const steps = card.getByTestId('damages-steps');
    await steps.getByText('权利人的实际损失').waitFor();
    await steps.getByText('不适用惩罚性赔偿：未认定故意侵权').waitFor();
    await steps.getByText('Trademark Law (2019) art. 63').first().waitFor();
    await card.getByTestId('damages-judge').scrollIntoViewIfNeeded();
    await screenshot(court, 'damages-estimate');
    await card.getByTestId('damages-judge').click();
    const dialog = court.getByRole('dialog');
    expect(await dialog.getByLabel('赔偿金额（元）', { exact: true }).inputValue()).to.equal('20,000');
    expect(await dialog.getByLabel('构成侵权').isChecked()).to.equal(true);
    await dialog.getByRole('button', { name: '作出判决', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await court
      .getByTestId('timeline')
      .getByText(/法院作出判决/)
      .waitFor();
    await court.getByText('上诉期').first().waitFor();
    expect(await offered(court)).to.not.include('OPEN_COMPLIANCE');
  });

  it('the parties see the appeal period count down and may appeal', async () => {
    const holder = await open('complainant@demo.local');
    await holder.getByText('上诉期').first().waitFor();
    expect(await offered(holder)).to.include('APPEAL');
    const view = (await api.admin!.get(`/api/cases/${caseId}`)).body as {
      status: string;
      clocks: { clock: string; dueAt: string }[];
    };
    expect(view.status).to.equal('inChannel');
    const clock = view.clocks.find((c) => c.clock === 'appealPeriod');
    expect(clock, 'the appeal period runs').to.not.equal(undefined);
    const days = (Date.parse(clock!.dueAt) - Date.now()) / 86_400_000;
    expect(days).to.be.within(14, 22);
    await screenshot(holder, 'court-appeal-window');
  });

  it('unappealed, the judgment becomes final; then the court opens and records compliance', async () => {
    // the appeal period expires, as the deadline scheduler fires it at its due date
    await server.engine.store.transition(caseId, SYSTEM_ACTOR, { type: 'DEADLINE', clock: 'appealPeriod' });
    const court = await open('court@demo.local');
    await court.locator('[data-action="OPEN_COMPLIANCE"]').waitFor();
    await act(court, 'OPEN_COMPLIANCE', '启动履行监督');
    await act(court, 'RECORD_COMPLIANCE', '记录履行情况', async (page) => {
      await page.getByRole('dialog').getByLabel('已履行').check();
    });
    await court
      .getByTestId('timeline')
      .getByText(/履行情况/)
      .waitFor();
    const holder = await open('complainant@demo.local');
    expect(await offered(holder)).to.not.include('APPEAL');
    const view = (await api.admin!.get(`/api/cases/${caseId}`)).body as {
      status: string;
      outcome: { kind: string; infringementFound: boolean; damagesCny: number };
    };
    expect(view.outcome).to.include({ kind: 'judged', infringementFound: true, damagesCny: 20_000 });
  });

  it('the final judgment enters the credit register; the respondent objects on the case, the court decides', async () => {
    const respondent = await open('respondent@demo.local');
    const card = respondent.locator('#credit-entry');
    await card.getByText('已列入', { exact: true }).waitFor();
    await card.getByLabel('异议理由').fill('判决已全部履行，且登记名称有误。');
    await card.getByRole('button', { name: '提出异议' }).click();
    await card.getByText('异议审查中').waitFor();
    await respondent
      .getByTestId('timeline')
      .getByText(/对信用记录提出异议/)
      .waitFor();

    const court = await open('court@demo.local');
    const decide = court.locator('#credit-entry');
    await decide.getByText('异议审查中').waitFor();
    await decide.getByText('撤销', { exact: true }).click();
    await decide.getByLabel('决定理由').fill('已全部履行，撤销记录。');
    await decide.getByRole('button', { name: '作出异议决定' }).click();
    await decide.getByText('已撤销').waitFor();
    await court
      .getByTestId('timeline')
      .getByText(/审查异议后撤销信用记录/)
      .waitFor();
    await screenshot(court, 'credit-objection-decided');
    const steps = (await server.engine.store.events(caseId)).filter((e) => e.type.startsWith('CREDIT_'));
    expect(steps.map((e) => e.type)).to.deep.equal(['CREDIT_LISTED', 'CREDIT_OBJECTED', 'CREDIT_DECIDED']);
  });
});
