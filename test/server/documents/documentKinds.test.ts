import { expect } from 'chai';
import { extractText } from 'unpdf';
import type { CaseAction } from '../../../shared/case/caseEvents.js';
import type { Complaint } from '../../../shared/schemas/complaint.js';
import type { CaseDoc } from '../../../server/cases/caseModel.js';
import { verifyCaseLog } from '../../../server/cases/verifyCaseLog.js';
import { documentBucket } from '../../../server/documents/documentBucket.js';
import { DOCUMENT_ISSUED, type DocumentIssuedData } from '../../../server/cases/documentIssued.js';
import { createDocumentWorker, type DocumentWorker } from '../../../server/documents/documentWorker.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../shared/documents/documentKinds.js';
import {
  arbitrationAgreementComplaint,
  designPatentSmeEcommerce,
  largeInventionPunitive,
  smallTrademarkMediation,
} from '../../fixtures/complaints.js';
import { U, useCaseWorld } from '../../support/caseWorld.js';
import { testLogger } from '../../support/testEnvironment.js';
import { ObjectId } from 'mongodb';
import { createHash } from 'node:crypto';

/** A Chinese respondent, so every document typesets Chinese names. */
const linked = (c: Complaint, name = '杭州明亮贸易有限公司'): Complaint => ({
  ...c,
  respondent: { ...c.respondent, name, email: 'respondent@demo.local' },
});

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * Every kind of generated document, rendered for a case in each channel that has it, after the event
 * that calls for it, in zh-CN and English; the PDF's text names the case, the parties and the
 * decisive figures, and its SHA-256 is in the hash chain.
 */
describe('generated documents: every kind, in each channel, in both languages (issue 13)', function () {
  this.timeout(120_000);
  const w = useCaseWorld('documents', '2026-03-02T02:00:00.000Z');
  let worker: DocumentWorker;
  const act = (id: string, who: string, action: CaseAction) => w.store.transition(id, w.actor(who), action);
  const rendered = new Map<DocumentKind, { doc: CaseDoc; zh: string; en: string }>();

  before(() => {
    worker = createDocumentWorker({ db: w.t.db, store: w.store, logger: testLogger, now: w.clock.now });
  });

  async function routed(complaint: Complaint, route: CaseAction, filer: string = U.complainant) {
    const doc = await w.file(linked(complaint), filer);
    await act(doc._id, U.admin, { type: 'ACCEPT' });
    return act(doc._id, U.admin, route);
  }

  /** Renders what the case's events queued; reads each PDF back and checks it against its event. */
  async function collect(caseId: string): Promise<void> {
    await worker.drain({ caseId });
    const { doc } = await w.store.load(caseId);
    const events = await w.store.events(caseId);
    expect(verifyCaseLog(caseId, events).ok).to.equal(true);
    // the documents' events replay: a rebuilt projection is the stored one
    const rebuilt = await w.store.rebuild(caseId);
    expect([rebuilt.seq, rebuilt.stage, rebuilt.lastHash]).to.deep.equal([doc.seq, doc.stage, doc.lastHash]);
    const issued = events.filter((e) => e.type === DOCUMENT_ISSUED);
    const bucket = documentBucket(w.t.db);
    const byKind = new Map<string, { zh?: string; en?: string }>();
    for (const ev of issued) {
      const data = ev.data as unknown as DocumentIssuedData;
      const chunks: Buffer[] = [];
      for await (const c of bucket.openDownloadStream(new ObjectId(data.fileId)) as AsyncIterable<Buffer>)
        chunks.push(c);
      const pdf = Buffer.concat(chunks);
      expect(createHash('sha256').update(pdf).digest('hex'), `${data.documentId} hash`).to.equal(data.sha256);
      expect(pdf.subarray(0, 5).toString('latin1')).to.equal('%PDF-');
      const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
      const entry = byKind.get(data.kind) ?? {};
      entry[data.lang === 'zh-CN' ? 'zh' : 'en'] = squash(text);
      byKind.set(data.kind, entry);
    }
    for (const [kind, { zh, en }] of byKind) {
      expect(zh, `${kind} in zh-CN`).to.be.a('string');
      expect(en, `${kind} in English`).to.be.a('string');
      rendered.set(kind as DocumentKind, { doc, zh: zh as string, en: en as string });
    }
  }

  /** The document names the case and both parties, in both languages. */
  function expectNamed(kind: DocumentKind) {
    const r = rendered.get(kind);
    expect(r, `${kind} was rendered`).to.not.equal(undefined);
    const { doc, zh, en } = r as { doc: CaseDoc; zh: string; en: string };
    for (const text of [zh, en]) {
      expect(text).to.include(doc.caseNo);
      expect(text).to.include(squash(doc.complainantName));
      expect(text).to.include(squash(doc.respondentName));
    }
    return { zh, en };
  }

  it('mediation: acceptance, invitation, draft and signed agreement, joint application, confirmation ruling, closure', async () => {
    let doc = await routed(smallTrademarkMediation, { type: 'ROUTE', channel: 'mediation' });
    await act(doc._id, U.mediator, { type: 'ACCEPT_ASSIGNMENT' });
    await act(doc._id, U.respondent, { type: 'CONSENT' });
    await act(doc._id, U.mediator, {
      type: 'PROPOSE_AGREEMENT',
      terms: '被申请人停止使用“香茗”商标，并于三十日内支付人民币 30,000 元。',
    });
    await act(doc._id, U.complainant, { type: 'SIGN_AGREEMENT' });
    w.clock.advance(5 * 60_000);
    await act(doc._id, U.respondent, { type: 'SIGN_AGREEMENT' });
    await act(doc._id, U.complainant, { type: 'REQUEST_CONFIRMATION' });
    await act(doc._id, U.respondent, { type: 'REQUEST_CONFIRMATION' });
    await act(doc._id, U.court, { type: 'CONFIRM_AGREEMENT' });
    doc = await act(doc._id, U.mediator, { type: 'CLOSE' });
    await collect(doc._id);

    expect(expectNamed('acceptanceNotice').zh).to.include('受理通知书');
    expect(expectNamed('mediationInvitation').en).to.include('Invitationtomediate');
    for (const kind of [
      'mediationAgreement',
      'signedAgreement',
      'confirmationApplication',
      'confirmationRuling',
    ] as const) {
      const { zh, en } = expectNamed(kind);
      expect(zh, kind).to.include('人民币30,000元');
      expect(en, kind).to.include('人民币30,000元'); // the terms are set out as written
    }
    const signed = expectNamed('signedAgreement');
    // every signature with its time, in both languages
    expect(signed.zh.match(/签署于/g)).to.have.length(2);
    expect(signed.en.match(/signedat/g)).to.have.length(2);
    expect(signed.en).to.include('(Beijingtime)');
    expect(expectNamed('confirmationRuling').zh).to.include('裁定确认该调解协议有效');
    expect(expectNamed('closureNotice').en).to.include('Reason:settled');
  });

  it('screening: a request for information and a rejection with its reason', async () => {
    const asked = await w.file(linked(smallTrademarkMediation));
    await act(asked._id, U.admin, { type: 'REQUEST_INFO', items: ['商标注册证书副本', 'Proof of use'] });
    await collect(asked._id);
    const info = expectNamed('infoRequest');
    expect(info.zh).to.include('商标注册证书副本');
    expect(info.en).to.include('Proofofuse');

    const refused = await w.file(linked(smallTrademarkMediation));
    await act(refused._id, U.admin, { type: 'REJECT', reason: 'The trademark registration has lapsed.' });
    await collect(refused._id);
    expect(expectNamed('rejectionNotice').en).to.include('Thetrademarkregistrationhaslapsed.');
  });

  it('judicial: the judgment summary with damages and punitive damages', async () => {
    const doc = await routed(largeInventionPunitive, { type: 'ROUTE', channel: 'judicial' }, U.complainant2);
    await act(doc._id, U.respondent, { type: 'RESPOND', answer: 'We deny infringement.' });
    await act(doc._id, U.court, { type: 'START_TRIAL' });
    await act(doc._id, U.court, {
      type: 'RENDER_JUDGMENT',
      infringement: true,
      damagesCny: 3_000_000,
      punitiveBaseCny: 3_000_000,
      punitiveDamagesCny: 6_000_000,
      wilful: true,
      seriousCircumstances: true,
    });
    await collect(doc._id);
    const { zh, en } = expectNamed('judgmentSummary');
    expect(zh)
      .to.include('人民币3,000,000元')
      .and.include('人民币6,000,000元')
      .and.include('认定被申请人构成侵权');
    expect(en)
      .to.include('CNY3,000,000')
      .and.include('CNY6,000,000')
      .and.include('Therespondentisfoundtoinfringe');
  });

  it('arbitration: the arbitral award with its damages', async () => {
    const doc = await routed(arbitrationAgreementComplaint, {
      type: 'ROUTE',
      channel: 'arbitration',
      variant: 'expedited',
    });
    await act(doc._id, U.complainant, { type: 'NOMINATE_ARBITRATOR', arbitratorId: U.arbitrator });
    await act(doc._id, U.respondent, { type: 'NOMINATE_ARBITRATOR', arbitratorId: U.arbitrator });
    await act(doc._id, U.arbitrator, { type: 'DECLARE_IMPARTIALITY' });
    await act(doc._id, U.arbitrator, { type: 'RENDER_AWARD', infringement: true, damagesCny: 800_000 });
    await collect(doc._id);
    const { zh, en } = expectNamed('arbitralAward');
    expect(zh).to.include('人民币800,000元');
    expect(en).to.include('CNY800,000');
  });

  it('administrative fast track: decision and takedown notice; no infringement: decision and restore notice', async () => {
    const fast = { type: 'ROUTE', channel: 'administrative', track: 'fast', orgId: 'org-pc-zgc' } as const;
    for (const infringement of [true, false]) {
      const doc = await routed(designPatentSmeEcommerce, fast);
      await act(doc._id, U.center, { type: 'ACCEPT' });
      await act(doc._id, U.center, { type: 'ASSIGN_INVESTIGATOR', investigatorId: U.investigator });
      await act(doc._id, U.investigator, {
        type: 'SUBMIT_TECH_REPORT',
        summary: 'Compared.',
        match: infringement,
      });
      await act(doc._id, U.center, {
        type: 'DETERMINE',
        infringement,
        remedy: infringement ? 'takedown' : 'none',
      });
      await collect(doc._id);
    }
    expect(expectNamed('takedownNotice').zh).to.include('《电子商务法》第四十二条');
    expect(expectNamed('restoreNotice').en).to.include('E-CommerceLawart.43');
    const decision = expectNamed('administrativeDecision');
    expect(decision.zh).to.include('不认定被申请人构成侵权');
  });

  it('rendered every kind of document', () => {
    expect([...rendered.keys()].sort()).to.deep.equal([...DOCUMENT_KINDS].sort());
  });

  it('issues each document once when two workers (two instances) race for the same jobs', async () => {
    const doc = await w.file(linked(smallTrademarkMediation));
    await act(doc._id, U.admin, { type: 'ACCEPT' });
    const other = w.instance();
    const rival = createDocumentWorker({
      db: w.t.db,
      store: other.store,
      logger: testLogger,
      now: w.clock.now,
    });
    const [a, b] = await Promise.all([worker.drain({ caseId: doc._id }), rival.drain({ caseId: doc._id })]);
    expect(a + b).to.equal(2); // the acceptance notice, in two languages
    const issued = (await w.store.events(doc._id)).filter((e) => e.type === DOCUMENT_ISSUED);
    expect(issued.map((e) => e.data.documentId).sort()).to.deep.equal([
      '2-acceptanceNotice-en',
      '2-acceptanceNotice-zh-CN',
    ]);
    expect(await documentBucket(w.t.db).find({ 'metadata.caseId': doc._id }).toArray()).to.have.length(2);
  });

  it('renders each document once, however often the worker runs or the jobs are queued again', async () => {
    const before = (await w.t.db.collection('document_jobs').countDocuments({ pending: true })) as number;
    expect(before).to.equal(0);
    expect(await worker.drain()).to.equal(0);
  });
});
