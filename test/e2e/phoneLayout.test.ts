/// <reference lib="dom" />
/**
 * The party portal, the case page and the mediator's room on a phone (390×844, Chromium device
 * emulation): nothing wider than the screen, the case title readable, the language switch and the
 * user menu on screen. Screenshots go to docs/screenshots/phone-*.png.
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
import { openContext, PHONE, screenshot, signIn } from './support/ui.js';

const WIDTH = PHONE.viewport.width;

/** What overflows the phone's width, and how wide the page would scroll. */
async function overflow(page: Page): Promise<{ scrollWidth: number; offenders: string[] }> {
  return page.evaluate((width) => {
    const offenders: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // an element clipped inside a scrolling box (a table, a tab list) does not widen the page
      if (r.right > width + 1 && getComputedStyle(el).position !== 'fixed') {
        let scrolls = false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          const o = getComputedStyle(p).overflowX;
          if (o === 'auto' || o === 'scroll' || o === 'hidden') scrolls = true;
        }
        if (!scrolls) offenders.push(`${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80));
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, offenders: offenders.slice(0, 5) };
  }, WIDTH);
}

/** Whether an element lies wholly on the screen horizontally. */
async function onScreen(page: Page, testIdOrText: { testId?: string; text?: string }): Promise<boolean> {
  const loc = testIdOrText.testId
    ? page.getByTestId(testIdOrText.testId)
    : page.getByText(testIdOrText.text as string, { exact: true });
  const box = await loc.first().boundingBox();
  return box !== null && box.x >= 0 && box.x + box.width <= WIDTH + 1;
}

describe('web client on a phone (e2e, Chromium, 390×844)', function () {
  this.timeout(120_000);
  const t = useTestDatabase('e2ePhone');
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let caseId: string;
  const title = '茶叶网店擅自使用“香茗”注册商标并销售仿冒礼盒';

  async function phone(email: string): Promise<Page> {
    const { context, page } = await openContext(browser, server.url, PHONE);
    contexts.push(context);
    await signIn(page, email);
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
    const filed = await complainant.file(mediationTrademark(title));
    caseId = filed.id;
    await admin.act(caseId, { type: 'ACCEPT' });
    await admin.act(caseId, { type: 'ROUTE', channel: 'mediation' });
    const mediator = await apiAs(server.app, 'mediator@demo.local');
    await mediator.act(caseId, { type: 'ACCEPT_ASSIGNMENT' });
  });

  after(async function () {
    this.timeout(30_000);
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it('the party portal fits the phone: cases listed, language switch and menu on screen', async () => {
    const page = await phone('complainant@demo.local');
    await page.getByText(title).first().waitFor();
    expect(await overflow(page)).to.deep.equal({ scrollWidth: WIDTH, offenders: [] });
    expect(await onScreen(page, { testId: 'user-menu' }), 'user menu').to.equal(true);
    expect(await onScreen(page, { text: 'EN' }), 'language switch').to.equal(true);
    await screenshot(page, 'phone-my-cases');
  });

  it('the case page shows its whole title and fits the phone', async () => {
    const page = await phone('complainant@demo.local');
    await page.goto(`/cases/${caseId}`);
    const heading = page.getByRole('heading', { name: title });
    await heading.waitFor();
    // the title wraps instead of being cut to a few characters
    const clipped = await heading.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    expect(clipped, 'title clipped').to.equal(false);
    expect((await heading.boundingBox())!.width).to.be.greaterThan(WIDTH * 0.6);
    expect(await overflow(page)).to.deep.equal({ scrollWidth: WIDTH, offenders: [] });
    expect(await onScreen(page, { text: 'EN' }), 'language switch').to.equal(true);
    await screenshot(page, 'phone-case-page');
  });

  it("the mediator's room works on a phone: the joint session can be written in", async () => {
    const page = await phone('mediator@demo.local');
    await page.goto(`/cases/${caseId}`);
    await page.getByRole('heading', { name: title }).waitFor();
    // the room stacks on a phone: the timeline, then the joint session to write in
    const box = page.getByLabel('在“联合会谈”中发送消息');
    await box.fill('双方好，我是调解员，请在周五前提交方案。');
    await box.press('Enter');
    await page.getByText('双方好，我是调解员，请在周五前提交方案。').first().waitFor();
    expect(await overflow(page)).to.deep.equal({ scrollWidth: WIDTH, offenders: [] });
    await screenshot(page, 'phone-mediator-room');
  });
});
