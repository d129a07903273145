/**
 * End-to-end (Chromium): a party signs the mediation agreement on its text (issue 13). The signing
 * dialog shows the full text and its SHA-256, the signature needs the party to confirm having read it,
 * and records the hash; a new draft voids the signature, which the case page shows.
 */
import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AgreementView } from '../../shared/api/documentView.js';
import { seedDirectory } from '../support/testApp.js';
import { useTestDatabase } from '../support/useTestDatabase.js';
import { apiAs, type ApiAs } from './support/api.js';
import { launchChromium, skipWithoutChromium } from './support/chromium.js';
import { mediationTrademark } from './support/e2eComplaints.js';
import { startE2eServer, type E2eServer } from './support/e2eServer.js';
import { ensureClientBuilt } from './support/ensureClientBuilt.js';
import { openContext, screenshot, screenshotsOnFailure, signIn } from './support/ui.js';

const TERMS =
  '一、被申请人于七日内下架全部标有“香茗”字样的茶叶礼盒；\n二、被申请人于三十日内向申请人支付赔偿金人民币 30,000 元；\n三、双方就本纠纷再无其他争议。';

describe('signing the mediation agreement on its text (e2e, Chromium)', function () {
  this.timeout(120_000);
  const t = useTestDatabase('e2eAgreementSigning');
  let server: E2eServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const api: Record<string, ApiAs> = {};
  let caseId: string;

  const agreement = async () =>
    (await api.complainant!.get(`/api/cases/${caseId}/agreement`)).body as AgreementView;

  async function open(email: string): Promise<Page> {
    const { context, page } = await openContext(browser, server.url);
    contexts.push(context);
    await signIn(page, email);
    await page.goto(`/cases/${caseId}`);
    await page.getByTestId('actions').waitFor();
    return page;
  }

  before(async function () {
    skipWithoutChromium(this);
    this.timeout(240_000);
    ensureClientBuilt();
    await seedDirectory(t.db);
    server = await startE2eServer(t.db);
    server.engine.documents.start();
    browser = await launchChromium();
    for (const who of ['complainant', 'admin', 'mediator', 'respondent'])
      api[who] = await apiAs(server.app, `${who}@demo.local`);
    const filed = await api.complainant!.file(mediationTrademark('网店仿冒“香茗”茶叶礼盒（调解）'));
    caseId = filed.id;
    await api.admin!.act(caseId, { type: 'ACCEPT' });
    await api.admin!.act(caseId, { type: 'ROUTE', channel: 'mediation' });
    await api.mediator!.act(caseId, { type: 'ACCEPT_ASSIGNMENT' });
    await api.respondent!.act(caseId, { type: 'CONSENT' });
    await api.mediator!.act(caseId, { type: 'PROPOSE_AGREEMENT', terms: TERMS });
  });

  afterEach(async function () {
    await screenshotsOnFailure(this, contexts);
  });

  after(async function () {
    this.timeout(30_000);
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.engine.documents.stop();
    await server?.close();
  });

  it('shows the full text and its SHA-256, signs only once read, and records the hash', async () => {
    const draft = await agreement();
    const page = await open('complainant@demo.local');
    await page.locator('[data-action="SIGN_AGREEMENT"]').click();
    const dialog = page.getByRole('dialog');
    const text = dialog.getByTestId('agreement-text');
    await text.waitFor();
    expect(await text.innerText()).to.include('被申请人于三十日内向申请人支付赔偿金人民币 30,000 元');
    expect(await text.innerText()).to.include(draft.text.split('\n')[1] as string); // the case number line
    expect((await dialog.getByTestId('agreement-sha256').innerText()).trim()).to.equal(draft.sha256);
    const submit = dialog.getByTestId('agreement-sign');
    expect(await submit.isDisabled()).to.equal(true);
    await dialog.getByLabel('我已阅读协议全文，同意其中条款。').check();
    expect(await submit.isDisabled()).to.equal(false);
    await screenshot(page, 'agreement-signing-dialog');
    await submit.click();
    await dialog.waitFor({ state: 'detached' });

    const signed = await agreement();
    expect(signed.signatures).to.have.length(1);
    expect(signed.signatures[0]).to.include({ side: 'complainant', sha256: draft.sha256 });
    await page.getByTestId('agreement-signature').first().waitFor();
    expect(await page.getByTestId('agreement-card').innerText()).to.include('签署于');
  });

  it('a changed draft voids the signature, and the case page says so', async () => {
    await api.mediator!.act(caseId, {
      type: 'PROPOSE_AGREEMENT',
      terms: `${TERMS}\n四、被申请人于十日内在店铺首页发布致歉声明。`,
    });
    const page = await open('complainant@demo.local');
    const voided = page.getByTestId('agreement-voided');
    await voided.waitFor();
    expect(await voided.innerText()).to.include('该签署不再有效');
    expect(await page.getByTestId('agreement-card').innerText()).to.include('尚无签署');
    // both parties sign the new text; the signed agreement is issued as a document
    const current = await agreement();
    await api.complainant!.act(caseId, { type: 'SIGN_AGREEMENT', agreementSha256: current.sha256 });
    await api.respondent!.act(caseId, { type: 'SIGN_AGREEMENT', agreementSha256: current.sha256 });
    // the worker renders it after the commit; the page hears of it live
    let kinds: string[] = [];
    for (let i = 0; i < 100 && !kinds.includes('signedAgreement'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const listed = await api.complainant!.get(`/api/cases/${caseId}/documents`);
      kinds = (listed.body as { items: { kind: string }[] }).items.map((d) => d.kind);
    }
    expect(kinds).to.include('signedAgreement');
    await page.getByTestId('documents').getByText('调解协议书（已签署）').waitFor({ timeout: 20_000 });
  });
});
