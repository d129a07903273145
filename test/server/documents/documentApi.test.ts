import { expect } from 'chai';
import type { Express } from 'express';
import { ObjectId } from 'mongodb';
import request from 'supertest';
import { extractText } from 'unpdf';
import type { AgreementView, DocumentView } from '../../../shared/api/documentView.js';
import type { TestApp } from '../../support/testApp.js';
import { actViaApi, bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * The documents of a case through the API: listed, downloaded by those who may see the case, checked
 * against their SHA-256; the agreement signed on its text (a stale hash is 409, a new draft voids
 * the signatures given on the old one).
 */
describe('documents and signing on the text through the API (issue 13)', function () {
  this.timeout(120_000);
  const t = useTestDatabase('documentApi');
  let test: TestApp;
  let app: Express;
  const tokens: Record<string, string> = {};
  let caseId: string;
  const as = (who: string) => bearer(tokens[who] as string);
  const agreement = async () =>
    (await request(app).get(`/api/cases/${caseId}/agreement`).set(as('respondent')).expect(200))
      .body as AgreementView;
  const sign = (who: string, agreementSha256: string) =>
    request(app)
      .post(`/api/cases/${caseId}/actions`)
      .set(as(who))
      .send({ type: 'SIGN_AGREEMENT', agreementSha256 });

  before(async () => {
    await seedDirectory(t.db);
    test = buildTestApp(t.db);
    app = test.app;
    for (const who of ['complainant', 'complainant2', 'respondent', 'admin', 'mediator'])
      tokens[who] = await login(app, `${who}@demo.local`);
    caseId = await fileCaseViaApi(
      app,
      tokens.complainant as string,
      mediationComplaint('Tea mark agreement'),
    );
    await actViaApi(app, tokens.admin as string, caseId, { type: 'ACCEPT' });
    await actViaApi(app, tokens.admin as string, caseId, { type: 'ROUTE', channel: 'mediation' });
    await actViaApi(app, tokens.mediator as string, caseId, { type: 'ACCEPT_ASSIGNMENT' });
    await actViaApi(app, tokens.respondent as string, caseId, { type: 'CONSENT' });
  });

  it('has no agreement before a draft (404)', async () => {
    await request(app).get(`/api/cases/${caseId}/agreement`).set(as('complainant')).expect(404);
  });

  it('refuses a signature on a text that is not the current draft (409), and a new draft voids signatures', async () => {
    await actViaApi(app, tokens.mediator as string, caseId, {
      type: 'PROPOSE_AGREEMENT',
      terms: 'The respondent pays CNY 20,000 within 30 days.',
    });
    const first = await agreement();
    expect(first.text).to.include('The respondent pays CNY 20,000 within 30 days.');
    expect(first.sha256).to.match(/^[0-9a-f]{64}$/);
    const stale = await sign('complainant', 'a'.repeat(64)).expect(409);
    expect(stale.body).to.include({ code: 'agreementChanged', sha256: first.sha256 });
    await sign('complainant', first.sha256).expect(200);
    const signedOnce = await agreement();
    expect(signedOnce.signatures).to.have.length(1);
    expect(signedOnce.signatures[0]).to.include({ side: 'complainant', sha256: first.sha256 });

    // the mediator changes the terms: the complainant's signature is void, and the old hash refused
    await actViaApi(app, tokens.mediator as string, caseId, {
      type: 'PROPOSE_AGREEMENT',
      terms: 'The respondent pays CNY 25,000 within 30 days and stops using the mark.',
    });
    const second = await agreement();
    expect(second.sha256).to.not.equal(first.sha256);
    expect(second.signatures).to.deep.equal([]);
    expect(second.voided).to.have.length(1);
    expect(second.voided[0]).to.include({
      side: 'complainant',
      sha256: first.sha256,
      draftSeq: first.draftSeq,
    });
    await sign('respondent', first.sha256).expect(409);

    await sign('complainant', second.sha256).expect(200);
    await sign('respondent', second.sha256).expect(200);
    const done = await agreement();
    expect(done.signatures.map((s) => s.side)).to.deep.equal(['complainant', 'respondent']);
    const events = (await request(app).get(`/api/cases/${caseId}/events`).set(as('complainant')).expect(200))
      .body as
      | { items?: { type: string; data: Record<string, unknown> }[] }
      | { type: string; data: Record<string, unknown> }[];
    const list = Array.isArray(events) ? events : (events.items ?? []);
    const signatures = list.filter((e) => e.type === 'SIGN_AGREEMENT');
    expect(signatures.map((e) => e.data.agreementSha256)).to.deep.equal([
      first.sha256,
      second.sha256,
      second.sha256,
    ]);
  });

  it('lists the signed agreement as a document, serves the PDF with every signature, and checks its SHA-256', async () => {
    await test.engine.documents.drain({ caseId });
    const list = (await request(app).get(`/api/cases/${caseId}/documents`).set(as('respondent')).expect(200))
      .body as { items: DocumentView[] };
    const signed = list.items.find((d) => d.kind === 'signedAgreement' && d.lang === 'en');
    expect(signed, 'the signed agreement in English').to.not.equal(undefined);
    const doc = signed as DocumentView;
    expect(doc.textSha256).to.equal((await agreement()).sha256);
    expect(list.items.filter((d) => d.kind === 'mediationAgreement')).to.have.length(4); // two drafts, two languages

    const res = await request(app)
      .get(`/api/cases/${caseId}/documents/${doc.id}/download`)
      .set(as('complainant'))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).to.equal('application/pdf');
    const { text } = await extractText(new Uint8Array(res.body as Buffer), { mergePages: true });
    const flat = text.replace(/\s+/g, '');
    expect(flat).to.include('CNY25,000');
    expect(flat.match(/signedat/g)).to.have.length(2);

    const ok = await request(app)
      .get(`/api/cases/${caseId}/documents/${doc.id}/integrity`)
      .set(as('complainant'))
      .expect(200);
    expect(ok.body).to.include({ ok: true, sha256: doc.sha256, found: doc.sha256 });

    // someone who may not see the case gets 404; without a sign-in 401
    await request(app)
      .get(`/api/cases/${caseId}/documents/${doc.id}/download`)
      .set(as('complainant2'))
      .expect(404);
    await request(app).get(`/api/cases/${caseId}/documents`).expect(401);
  });

  it('takes an action whose expectedSeq is behind only generated documents, and refuses one behind a real change', async () => {
    const other = await fileCaseViaApi(
      app,
      tokens.complainant as string,
      mediationComplaint('Seq behind documents'),
    );
    const seen = (await request(app).get(`/api/cases/${other}`).set(as('admin')).expect(200)).body as {
      seq: number;
    };
    await actViaApi(app, tokens.admin as string, other, { type: 'ACCEPT' });
    const accepted = (await request(app).get(`/api/cases/${other}`).set(as('admin')).expect(200)).body as {
      seq: number;
    };
    expect(await test.engine.documents.drain({ caseId: other })).to.equal(2); // appended after the ACCEPT
    const route = { type: 'ROUTE', channel: 'mediation' };
    // the admin saw the case before the ACCEPT: a real change since, so 409
    await request(app)
      .post(`/api/cases/${other}/actions`)
      .set(as('admin'))
      .send({ ...route, expectedSeq: seen.seq })
      .expect(409);
    // the admin saw it right after the ACCEPT: only documents were issued since, so the action goes ahead
    await request(app)
      .post(`/api/cases/${other}/actions`)
      .set(as('admin'))
      .send({ ...route, expectedSeq: accepted.seq })
      .expect(200);
  });

  it('refuses an action when a message lands while it steps over generated documents (a race)', async () => {
    const other = await fileCaseViaApi(app, tokens.complainant as string, mediationComplaint('Seq race'));
    await actViaApi(app, tokens.admin as string, other, { type: 'ACCEPT' });
    const accepted = (await request(app).get(`/api/cases/${other}`).set(as('admin')).expect(200)).body as {
      seq: number;
    };
    expect(await test.engine.documents.drain({ caseId: other })).to.equal(2);
    // the first look at what followed the admin's seq sees only the documents; a message is posted right
    // after that look, before the action is taken again
    const store = test.engine.store;
    const events = store.events.bind(store);
    let posted = false;
    store.events = async (caseId, after) => {
      const found = await events(caseId, after);
      if (!posted && caseId === other) {
        posted = true;
        await request(app)
          .post(`/api/cases/${other}/messages`)
          .set(as('complainant'))
          .send({ body: 'Please note our new evidence first.', visibility: 'joint' })
          .expect(201);
      }
      return found;
    };
    try {
      await request(app)
        .post(`/api/cases/${other}/actions`)
        .set(as('admin'))
        .send({ type: 'ROUTE', channel: 'mediation', expectedSeq: accepted.seq })
        .expect(409);
    } finally {
      store.events = events;
    }
    const log = await store.events(other);
    expect(posted).to.equal(true);
    expect(log.map((e) => e.type))
      .to.include('MESSAGE_POSTED')
      .and.not.include('ROUTE');
  });

  it('refuses a tampered stored document: the download is 409 and the integrity check reports it', async () => {
    const list = (await request(app).get(`/api/cases/${caseId}/documents`).set(as('complainant')).expect(200))
      .body as { items: DocumentView[] };
    const doc = list.items.find(
      (d) => d.kind === 'mediationInvitation' && d.lang === 'zh-CN',
    ) as DocumentView;
    const events = await test.engine.store.eventsOfType(caseId, 'DOCUMENT_ISSUED');
    const fileId = events.find((e) => e.data.documentId === doc.id)?.data.fileId as string;
    // change one byte of the stored PDF
    const chunks = t.db.collection('documents.chunks');
    const chunk = await chunks.findOne({ files_id: new ObjectId(fileId), n: 0 });
    const bytes = Buffer.from((chunk?.data as { buffer: Uint8Array }).buffer);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] as number) ^ 0xff;
    await chunks.updateOne({ _id: chunk?._id }, { $set: { data: bytes } });

    const refused = await request(app)
      .get(`/api/cases/${caseId}/documents/${doc.id}/download`)
      .set(as('complainant'))
      .expect(409);
    expect(refused.body).to.include({ code: 'integrityCheckFailed' });
    const report = await request(app)
      .get(`/api/cases/${caseId}/documents/${doc.id}/integrity`)
      .set(as('complainant'))
      .expect(200);
    expect(report.body).to.include({ ok: false, sha256: doc.sha256 });
    expect(report.body.found).to.not.equal(doc.sha256);
  });
});

describe('the case file as a PDF (issue 13)', function () {
  this.timeout(120_000);
  const t = useTestDatabase('caseFilePdf');
  let test: TestApp;
  let tokens: Record<string, string>;
  let caseId: string;

  before(async () => {
    await seedDirectory(t.db);
    test = buildTestApp(t.db);
    tokens = {};
    for (const who of ['complainant', 'admin', 'mediator'])
      tokens[who] = await login(test.app, `${who}@demo.local`);
    caseId = await fileCaseViaApi(
      test.app,
      tokens.complainant as string,
      mediationComplaint('Tea mark file'),
    );
    await actViaApi(test.app, tokens.admin as string, caseId, { type: 'ACCEPT' });
    await actViaApi(test.app, tokens.admin as string, caseId, { type: 'ROUTE', channel: 'mediation' });
    await request(test.app)
      .post(`/api/cases/${caseId}/evidence`)
      .set(bearer(tokens.complainant as string))
      .attach('file', Buffer.from('收据 receipt 2026\n'), { filename: '收据.txt', contentType: 'text/plain' })
      .expect(201);
    await test.engine.documents.drain({ caseId });
  });

  it('has the cover, the timeline, the documents and the evidence index with their SHA-256, in both languages', async () => {
    const evidence = (
      await request(test.app)
        .get(`/api/cases/${caseId}/evidence`)
        .set(bearer(tokens.complainant as string))
    ).body as { items: { sha256: string }[] };
    const docs = (
      await request(test.app)
        .get(`/api/cases/${caseId}/documents`)
        .set(bearer(tokens.complainant as string))
    ).body as { items: DocumentView[] };
    expect(docs.items.map((d) => d.kind)).to.include('acceptanceNotice');
    const view = (
      await request(test.app)
        .get(`/api/cases/${caseId}`)
        .set(bearer(tokens.complainant as string))
    ).body as { caseNo: string };
    for (const [lang, words] of [
      ['zh-CN', ['案件卷宗', '时间线', '证据目录', '收据.txt', '调解']],
      ['en', ['Casefile', 'Timeline', 'Evidenceindex', '收据.txt', 'mediation']],
    ] as const) {
      const res = await request(test.app)
        .get(`/api/cases/${caseId}/file.pdf?lang=${lang}`)
        .set(bearer(tokens.complainant as string))
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).to.equal('application/pdf');
      const { text } = await extractText(new Uint8Array(res.body as Buffer), { mergePages: true });
      const flat = text.replace(/\s+/g, '');
      for (const word of [view.caseNo, 'QianHao', ...words])
        expect(flat, `${lang}: ${word}`).to.include(word);
      expect(flat).to.include(evidence.items[0]?.sha256 as string);
      expect(flat).to.include(docs.items[0]?.sha256 as string);
      expect(flat).to.include('ACCEPT');
    }
  });
});
