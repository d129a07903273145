import { SYSTEM_ACTOR } from '../../../server/cases/systemActor.js';
import { expect } from 'chai';
import type { CaseAction } from '../../../shared/machine/caseEvents.js';
import type { Complaint } from '../../../shared/schemas/complaint.js';
import type { CaseDoc } from '../../../server/cases/caseModel.js';
import { verifyCaseLog } from '../../../server/cases/verifyCaseLog.js';
import { clockRunModel } from '../../../server/clocks/clockRunModel.js';
import {
  arbitrationAgreementComplaint,
  designPatentSmeEcommerce,
  largeInventionPunitive,
  smallTrademarkMediation,
} from '../../fixtures/complaints.js';
import { U, useCaseWorld } from '../../support/caseWorld.js';

const linked = (c: Complaint): Complaint => ({
  ...c,
  respondent: { ...c.respondent, email: 'respondent@demo.local' },
});

/** Every channel's procedure, from filing to closed, through the store, with its clocks. */
describe('channel procedures end to end through the store', function () {
  this.timeout(60_000);
  const w = useCaseWorld('procedures', '2026-03-02T02:00:00.000Z');

  const act = (id: string, who: string, action: CaseAction) => w.store.transition(id, w.actor(who), action);
  const clocksOf = (doc: CaseDoc) => doc.clocks.map((c) => c.clock);
  const storedClocks = async (id: string) =>
    (await clockRunModel(w.t.db).find({ caseId: id }).sort({ startedAt: 1, clock: 1 }).lean()).map((d) => [
      d.clock,
      d.state,
    ]);

  async function routed(
    complaint: Complaint,
    route: CaseAction,
    filer: string = U.complainant,
  ): Promise<CaseDoc> {
    const doc = await w.file(linked(complaint), filer);
    await act(doc._id, U.admin, { type: 'ACCEPT' });
    await act(doc._id, U.admin, route);
    // the respondent is served (the answer and consent periods run from service)
    const servedAt = w.clock.now().toISOString();
    return w.store.transition(doc._id, SYSTEM_ACTOR, { type: 'SERVE', means: 'link', servedAt });
  }

  async function finish(doc: CaseDoc): Promise<CaseDoc> {
    const events = await w.store.events(doc._id);
    expect(verifyCaseLog(doc._id, events).ok).to.equal(true);
    const replayed = await w.store.rebuild(doc._id);
    expect(replayed.stage).to.equal(doc.stage);
    expect(replayed.seq).to.equal(doc.seq);
    const pending = await clockRunModel(w.t.db).countDocuments({ caseId: doc._id, state: 'pending' });
    expect(pending, 'no clock keeps running on a closed case').to.equal(0);
    return doc;
  }

  it('mediation: assignment, consent, agreement, signatures, judicial confirmation by a court, settled', async () => {
    let doc = await routed(smallTrademarkMediation, { type: 'ROUTE', channel: 'mediation' });
    expect(doc.mediatorId).to.equal(U.mediator);
    expect(clocksOf(doc)).to.deep.equal(['mediatorAcceptance']);
    doc = await act(doc._id, U.mediator, { type: 'ACCEPT_ASSIGNMENT' });
    expect(clocksOf(doc)).to.deep.equal(['mediationConsent', 'mediation']);
    doc = await act(doc._id, U.respondent, { type: 'CONSENT' });
    expect(clocksOf(doc)).to.deep.equal(['mediation']);
    doc = await act(doc._id, U.mediator, { type: 'SCHEDULE_SESSION', sessionAt: '2026-03-10T02:00:00.000Z' });
    doc = await act(doc._id, U.mediator, {
      type: 'PROPOSE_AGREEMENT',
      terms: 'Stop using the mark; pay CNY 30,000 within 30 days.',
    });
    doc = await act(doc._id, U.complainant, { type: 'SIGN_AGREEMENT' });
    doc = await act(doc._id, U.respondent, { type: 'SIGN_AGREEMENT' });
    expect(doc.stage).to.equal('inChannel.mediation.signed');
    expect(clocksOf(doc)).to.deep.equal(['confirmationApplication']);
    doc = await act(doc._id, U.complainant, { type: 'REQUEST_CONFIRMATION' });
    expect(doc.stage).to.equal('inChannel.mediation.signed');
    expect(doc.joinedOrgIds ?? []).to.deep.equal([]);
    doc = await act(doc._id, U.respondent, { type: 'REQUEST_CONFIRMATION' });
    expect(doc.stage).to.equal('inChannel.mediation.awaitingConfirmation');
    expect(doc.joinedOrgIds).to.deep.equal(['org-bj-ipcourt']);
    expect(clocksOf(doc)).to.deep.equal(['confirmationRuling']);
    doc = await act(doc._id, U.court, { type: 'CONFIRM_AGREEMENT' });
    expect(doc.status).to.equal('resolved');
    expect(doc.outcome).to.include({ kind: 'settled', judiciallyConfirmed: true });
    doc = await act(doc._id, U.mediator, { type: 'CLOSE' });
    expect(doc).to.include({ status: 'closed', closureReason: 'settled' });
    expect(await storedClocks(doc._id)).to.deep.include.members([
      ['mediation', 'cancelled'],
      ['confirmationRuling', 'cancelled'],
    ]);
    await finish(doc);
  });

  it('judicial: answer, ordinary trial, judgment with punitive damages for wilful infringement, credit register', async () => {
    let doc = await routed(largeInventionPunitive, { type: 'ROUTE', channel: 'judicial' }, U.complainant2);
    expect(doc.orgId).to.equal('org-bj-ipcourt');
    expect(clocksOf(doc)).to.deep.equal(['respondentAnswer', 'ordinaryTrial']);
    doc = await act(doc._id, U.respondent, {
      type: 'RESPOND',
      answer: 'We deny infringement; the patents are invalid.',
    });
    doc = await act(doc._id, U.court, { type: 'START_TRIAL' });
    expect(doc.stage).to.equal('inChannel.judicial.trial.ordinaryTrial');
    expect(clocksOf(doc)).to.deep.equal(['ordinaryTrial']);
    doc = await act(doc._id, U.court, {
      type: 'RENDER_JUDGMENT',
      infringement: true,
      damagesCny: 3_000_000,
      punitiveBaseCny: 3_000_000,
      punitiveDamagesCny: 6_000_000,
      wilful: true,
      seriousCircumstances: true,
    });
    expect(doc.outcome).to.include({
      kind: 'judged',
      infringementFound: true,
      punitiveDamagesCny: 6_000_000,
    });
    expect(doc.stage).to.equal('inChannel.appealWindow');
    expect(clocksOf(doc)).to.deep.equal(['appealPeriod']);
    // 15 days pass unappealed (CPL art. 171): the scheduler makes the judgment final
    w.clock.advanceDays(16);
    expect(await w.scheduler.tick()).to.be.greaterThan(0);
    doc = (await w.store.load(doc._id)).doc;
    expect(doc.status).to.equal('resolved');
    doc = await act(doc._id, U.court, { type: 'CLOSE' });
    expect(doc).to.include({ status: 'closed', closureReason: 'judged' });
    const credit = await w.t.db.collection('credit_register').findOne({ _id: doc._id as never });
    expect(credit?.decision).to.equal('infringement:judged');
    await finish(doc);
  });

  it('arbitration (expedited variant): tribunal, impartiality declaration, hearing, award', async () => {
    let doc = await routed(arbitrationAgreementComplaint, {
      type: 'ROUTE',
      channel: 'arbitration',
      variant: 'expedited',
    });
    expect(clocksOf(doc)).to.deep.equal(['arbitrationExpedited']);
    // the parties jointly choose the sole arbitrator (Arbitration Law art. 31)
    doc = await act(doc._id, U.complainant, { type: 'NOMINATE_ARBITRATOR', arbitratorId: U.arbitrator });
    doc = await act(doc._id, U.respondent, { type: 'NOMINATE_ARBITRATOR', arbitratorId: U.arbitrator });
    expect(doc.stage).to.equal('inChannel.arbitration.awaitingDeclaration');
    doc = await act(doc._id, U.arbitrator, { type: 'DECLARE_IMPARTIALITY' });
    expect(doc.stage).to.equal('inChannel.arbitration.hearing');
    doc = await act(doc._id, U.respondent, { type: 'RESPOND', answer: 'The licence was extended orally.' });
    doc = await act(doc._id, U.arbitrator, {
      type: 'RECORD_SESSION',
      notes: 'Hearing held; both parties heard.',
    });
    doc = await act(doc._id, U.arbitrator, { type: 'RENDER_AWARD', infringement: true, damagesCny: 800_000 });
    expect(doc.outcome).to.include({ kind: 'awarded' });
    doc = await act(doc._id, U.arbitrator, { type: 'CLOSE' });
    expect(doc).to.include({ status: 'closed', closureReason: 'awarded' });
    await finish(doc);
  });

  it('administrative fast track at a protection center: technical comparison, takedown, counter-notice, restore clock from receipt', async () => {
    let doc = await routed(designPatentSmeEcommerce, {
      type: 'ROUTE',
      channel: 'administrative',
      track: 'fast',
      orgId: 'org-pc-zgc',
    });
    expect(doc.orgId).to.equal('org-pc-zgc');
    expect(clocksOf(doc)).to.deep.equal(['fastTrackDesign']);
    doc = await act(doc._id, U.center, { type: 'ACCEPT' });
    doc = await act(doc._id, U.center, { type: 'ASSIGN_INVESTIGATOR', investigatorId: U.investigator });
    doc = await act(doc._id, U.investigator, {
      type: 'SUBMIT_TECH_REPORT',
      summary: 'Same overall visual impression.',
      match: true,
    });
    doc = await act(doc._id, U.center, { type: 'DETERMINE', infringement: true, remedy: 'takedown' });
    expect(doc.stage).to.equal('inChannel.administrative.fastTrack.remedy.noticeIssued');
    expect(clocksOf(doc)).to.deep.equal(['ecommerceSellerResponse']);
    doc = await act(doc._id, U.respondent, {
      type: 'COUNTER_NOTICE',
      statement: 'Our lamp is our own prior design.',
    });
    expect(clocksOf(doc)).to.deep.equal([]);
    // the platform forwards it: the 15 days of E-Commerce Law art. 43 run from its receipt
    doc = await act(doc._id, U.center, { type: 'FORWARD_COUNTER_NOTICE' });
    expect(clocksOf(doc)).to.deep.equal(['ecommerceRestore']);
    // 15 days pass without notice of a complaint or suit: the scheduler fires the restore clock once,
    // and the listing stays down (the determination of infringement is the complaint of art. 43)
    w.clock.advanceDays(16);
    expect(await w.scheduler.tick()).to.be.greaterThan(0);
    expect(await w.scheduler.tick()).to.equal(0);
    doc = (await w.store.load(doc._id)).doc;
    expect(doc.status).to.equal('resolved');
    const expiries = (await w.store.events(doc._id)).filter((e) => e.type === 'DEADLINE');
    expect(expiries.map((e) => e.data.clock)).to.deep.equal(['ecommerceRestore']);
    expect(doc.outcome).to.include({ remedy: 'takedown' });
    doc = await act(doc._id, U.center, { type: 'CLOSE' });
    expect(doc).to.include({ status: 'closed', closureReason: 'decided' });
    await finish(doc);
  });

  it('legal services, social supervision and industry self-regulation end in an outcome', async () => {
    let aid = await routed(smallTrademarkMediation, {
      type: 'ROUTE',
      channel: 'legalServices',
      reason: 'SME asks for aid',
    });
    aid = await act(aid._id, U.admin, { type: 'ACCEPT' });
    aid = await act(aid._id, U.admin, {
      type: 'RECORD_OUTCOME',
      outcome: 'settled',
      notes: 'Settled with our help.',
    });
    aid = await act(aid._id, U.admin, { type: 'CLOSE' });
    expect(aid).to.include({ status: 'closed', closureReason: 'settled' });
    await finish(aid);

    let report = await routed(smallTrademarkMediation, {
      type: 'ROUTE',
      channel: 'socialSupervision',
      reason: 'ignored decision',
    });
    report = await act(report._id, U.admin, { type: 'ACCEPT' });
    report = await act(report._id, U.admin, { type: 'DETERMINE', infringement: true, remedy: 'disclosure' });
    expect(report.outcome).to.include({ kind: 'disclosed' });
    report = await act(report._id, U.admin, { type: 'CLOSE' });
    expect(report).to.include({ status: 'closed', closureReason: 'decided' });
    await finish(report);

    let assoc = await routed(smallTrademarkMediation, {
      type: 'ROUTE',
      channel: 'industrySelfRegulation',
      reason: 'same association',
    });
    expect(assoc.orgId).to.equal('org-zgc-design-assoc');
    assoc = await act(assoc._id, U.admin, { type: 'ACCEPT' });
    assoc = await act(assoc._id, U.respondent, { type: 'CONSENT' });
    assoc = await act(assoc._id, U.admin, { type: 'DETERMINE', infringement: false, remedy: 'none' });
    assoc = await act(assoc._id, U.admin, { type: 'CLOSE' });
    expect(assoc).to.include({ status: 'closed', closureReason: 'decided' });
    await finish(assoc);
  });

  it('failed mediation transfers to the court and to arbitration, keeping one timeline', async () => {
    for (const target of ['judicial', 'arbitration'] as const) {
      // the respondent now has a credit record (earlier tests), so mediation is an override: give a reason
      let doc = await routed(smallTrademarkMediation, {
        type: 'ROUTE',
        channel: 'mediation',
        reason: 'Both sides asked to mediate',
      });
      doc = await act(doc._id, doc.mediatorId!, { type: 'ACCEPT_ASSIGNMENT' });
      doc = await act(doc._id, U.respondent, { type: 'CONSENT' });
      // arbitration needs an agreement (Arbitration Law art. 16): the respondent gives it in writing
      if (target === 'arbitration') doc = await act(doc._id, U.respondent, { type: 'AGREE_TO_ARBITRATE' });
      doc = await act(doc._id, doc.mediatorId!, {
        type: 'DECLARE_IMPASSE',
        reason: 'No common ground on damages.',
      });
      expect(doc.stage).to.equal('inChannel.mediation.failed');
      const before = await w.store.events(doc._id);
      doc = await act(doc._id, doc.mediatorId!, {
        type: 'TRANSFER',
        channel: target,
        reason: 'Mediation failed',
      });
      expect(doc.channel).to.equal(target);
      expect(doc.stage.startsWith(`inChannel.${target}`)).to.equal(true);
      const after = await w.store.events(doc._id);
      expect(after.slice(0, before.length).map((e) => e.hash)).to.deep.equal(before.map((e) => e.hash));
      const context = (doc.snapshot as { context: { transfers: { from: string; to: string }[] } }).context;
      expect(context.transfers.map((t) => [t.from, t.to])).to.deep.equal([['mediation', target]]);
      expect(doc.orgId).to.equal(target === 'judicial' ? 'org-bj-ipcourt' : 'org-bac');
      expect(verifyCaseLog(doc._id, after).ok).to.equal(true);
    }
  });
});
