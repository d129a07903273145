/**
 * A case whose stored record was changed behind the platform's back shows a clear warning on its page
 * (the check `npm run verify-log` makes), in Chromium.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Browser, BrowserContext } from 'playwright-core';
import { verifyCaseFile } from '../../server/caseFiles/verifyCaseFile.js';
import { seedDirectory } from '../support/testApp.js';
import { useTestDatabase } from '../support/useTestDatabase.js';
import { apiAs } from './support/api.js';
import { launchChromium, skipWithoutChromium } from './support/chromium.js';
import { mediationTrademark } from './support/e2eComplaints.js';
import { startE2eServer, type E2eServer } from './support/e2eServer.js';
import { ensureClientBuilt } from './support/ensureClientBuilt.js';
import { openContext, screenshot, signIn } from './support/ui.js';

describe('the case record on its page: the case file to keep, and a warning when tampered (e2e, Chromium)', function () {
  this.timeout(120_000);
  const t = useTestDatabase('e2eTamper');
  let server: E2eServer;
  let browser: Browser;
  let context: BrowserContext | undefined;

  before(async function () {
    skipWithoutChromium(this);
    this.timeout(240_000);
    ensureClientBuilt();
    await seedDirectory(t.db);
    server = await startE2eServer(t.db);
    browser = await launchChromium();
  });

  after(async function () {
    this.timeout(30_000);
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  it('downloads the case file from the case page, and it verifies offline', async () => {
    const complainant = await apiAs(server.app, 'complainant@demo.local');
    const filed = await complainant.file(mediationTrademark('茶叶店擅自使用“香茗”商标（卷宗下载）'));
    const opened = await openContext(browser, server.url);
    const page = opened.page;
    try {
      await signIn(page, 'complainant@demo.local');
      await page.goto(`/cases/${filed.id}`);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('case-file').click(),
      ]);
      expect(download.suggestedFilename()).to.equal(`${filed.caseNo}.zip`);
      const path = await download.path();
      const result = await verifyCaseFile(readFileSync(path));
      expect(result.problems).to.deep.equal([]);
      expect(result.ok).to.equal(true);
    } finally {
      await opened.context.close();
    }
  });

  it('offers a scheduled session as a calendar invitation in Beijing time', async () => {
    const complainant = await apiAs(server.app, 'complainant@demo.local');
    const admin = await apiAs(server.app, 'admin@demo.local');
    const mediator = await apiAs(server.app, 'mediator@demo.local');
    const respondent = await apiAs(server.app, 'respondent@demo.local');
    const filed = await complainant.file(mediationTrademark('茶叶店擅自使用“香茗”商标（调解会议）'));
    await admin.act(filed.id, { type: 'ACCEPT' });
    await admin.act(filed.id, { type: 'ROUTE', channel: 'mediation' });
    await mediator.act(filed.id, { type: 'ACCEPT_ASSIGNMENT' });
    await respondent.act(filed.id, { type: 'CONSENT' });
    await mediator.act(filed.id, { type: 'SCHEDULE_SESSION', sessionAt: '2026-12-21T02:00:00.000Z' });
    const opened = await openContext(browser, server.url);
    try {
      await signIn(opened.page, 'respondent@demo.local');
      await opened.page.goto(`/cases/${filed.id}`);
      await opened.page.getByRole('tab', { name: /办理进程/ }).click();
      await opened.page.getByTestId('session-ics').waitFor();
      const [download] = await Promise.all([
        opened.page.waitForEvent('download'),
        opened.page.getByTestId('session-ics').click(),
      ]);
      // unfolded: iCalendar folds lines longer than 75 octets
      const ics = readFileSync(await download.path(), 'utf8').replace(/\r\n[ \t]/g, '');
      expect(ics).to.include('DTSTART;TZID=Asia/Shanghai:20261221T100000');
      expect(ics).to.include('SUMMARY:调解会议：茶叶店擅自使用“香茗”商标（调解会议）');
    } finally {
      await opened.context.close();
    }
  });

  it('an intact case shows no warning; after an event is edited in the database, its page says which', async () => {
    const complainant = await apiAs(server.app, 'complainant@demo.local');
    const admin = await apiAs(server.app, 'admin@demo.local');
    const filed = await complainant.file(mediationTrademark('茶叶店擅自使用“香茗”商标（记录核验）'));
    await admin.act(filed.id, { type: 'ACCEPT' });

    const opened = await openContext(browser, server.url);
    context = opened.context;
    const page = opened.page;
    await signIn(page, 'complainant@demo.local');
    await page.goto(`/cases/${filed.id}`);
    await page.getByTestId('timeline').waitFor();
    await page
      .waitForResponse((r) => r.url().endsWith(`/cases/${filed.id}/integrity`))
      .catch(() => undefined);
    expect(await page.getByTestId('integrity-broken').count()).to.equal(0);

    // someone with access to the database rewrites who accepted the complaint
    await t.db.collection('case_events').updateOne({ _id: `${filed.id}:2` } as never, {
      $set: { 'actor.id': 'u-someone-else' },
    });
    await page.reload();
    const warning = page.getByTestId('integrity-broken');
    await warning.waitFor();
    expect(await warning.textContent()).to.include('第 2 条记录与其写入时的指纹（SHA-256）不一致');
    await screenshot(page, 'case-integrity-warning');
  });
});
