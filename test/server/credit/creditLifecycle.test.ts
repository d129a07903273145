/**
 * The credit register's lifecycle: a judgment is recorded but not listed while open to appeal; the
 * appeal window passing makes it final and notifies the party on the case; the party objects within
 * the period, staff decide; an appeal removes it; natural persons are not listed for a single
 * non-compliance; the disclosure period ends the listing.
 */
import { expect } from 'chai';
import request from 'supertest';
import type { Complaint } from '../../../shared/schemas/complaint.js';
import type { CreditEntryDetailView, CreditEntryView } from '../../../shared/api/creditView.js';
import { largeInventionPunitive, smallTrademarkMediation } from '../../fixtures/complaints.js';
import { U, useCaseWorld } from '../../support/caseWorld.js';
import { buildTestApp, type TestApp } from '../../support/testApp.js';

const linked = (c: Complaint, name: string, type: 'enterprise' | 'individual' = 'enterprise'): Complaint => ({
  ...c,
  respondent: { ...c.respondent, name, type, email: 'respondent@demo.local' },
});

describe('credit register lifecycle', () => {
  const w = useCaseWorld('credit-life', '2025-03-03T02:00:00.000Z');
  let t: TestApp;
  const act = (caseId: string, userId: string, action: Record<string, unknown> & { type: string }) =>
    w.store.transition(caseId, w.actor(userId), action as never);
  const auth = async (userId: string, role: string) =>
    `Bearer ${(await t.services.tokens.issue(userId, role)).token}`;
  const search = async (name: string) => {
    const res = await request(t.app)
      .get('/api/credit')
      .query({ name })
      .set('Authorization', await auth(U.complainant, 'complainant'));
    expect(res.status, res.text).to.equal(200);
    return (res.body as { items: CreditEntryView[] }).items;
  };
  const post = async (path: string, userId: string, role: string, body: object) =>
    request(t.app)
      .post(path)
      .set('Authorization', await auth(userId, role))
      .send(body);

  /** A court case to judgment (infringement found). */
  const judged = async (name: string) => {
    const doc = await w.file(linked(largeInventionPunitive, name), U.complainant2);
    await act(doc._id, U.admin, { type: 'ACCEPT' });
    await act(doc._id, U.admin, { type: 'ROUTE', channel: 'judicial' });
    await act(doc._id, U.respondent, { type: 'RESPOND', answer: 'No infringement.' });
    await act(doc._id, U.court, { type: 'START_TRIAL' });
    return act(doc._id, U.court, { type: 'RENDER_JUDGMENT', infringement: true, damagesCny: 100_000 });
  };

  before(() => {
    t = buildTestApp(w.t.db, { now: w.clock.now });
  });

  it('lists a judgment only once final, notifies the party, takes its objection and staff’s correction', async () => {
    const doc = await judged('Appealless Batteries Co., Ltd.');
    const pending = await w.t.db.collection('credit_register').findOne({ _id: doc._id as never });
    expect(pending).to.include({ status: 'pendingAppeal' });
    expect(await search('Appealless Batteries')).to.deep.equal([]);

    w.clock.advanceDays(16);
    expect(await w.scheduler.tick()).to.be.greaterThan(0);
    const listed = await search('Appealless Batteries');
    expect(listed.map((e) => [e.id, e.status])).to.deep.equal([[doc._id, 'final']]);
    expect(listed[0]?.legalBasis).to.contain('art. 171');
    const notices = await w.store.eventsOfType(doc._id, 'CREDIT_LISTED');
    expect(notices).to.have.length(1);
    expect(notices[0]?.data).to.include({ entryId: doc._id });

    const path = `/api/credit/${doc._id}`;
    expect((await post(`${path}/objection`, U.complainant2, 'complainant', { reason: 'x' })).status).to.equal(
      404,
    );
    const objected = await post(`${path}/objection`, U.respondent, 'respondent', {
      reason: 'Wrong company.',
    });
    expect(objected.status, objected.text).to.equal(200);
    expect((objected.body as CreditEntryDetailView).status).to.equal('objected');
    expect((await search('Appealless Batteries'))[0]?.status).to.equal('objected');

    const denied = await post(`${path}/decision`, U.respondent, 'respondent', {
      decision: 'remove',
      reason: 'x',
    });
    expect(denied.status).to.equal(403);
    expect(denied.headers['content-type']).to.match(/^application\/problem\+json/);
    const bad = await post(`${path}/decision`, U.admin, 'admin', { decision: 'correct', reason: 'x' });
    expect(bad.status).to.equal(422);
    const corrected = await post(`${path}/decision`, U.admin, 'admin', {
      decision: 'correct',
      reason: 'The registered name differs.',
      correction: { name: 'Appealless Battery Co., Ltd.' },
    });
    expect(corrected.status, corrected.text).to.equal(200);
    expect((corrected.body as CreditEntryDetailView).history.map((h) => h.status)).to.deep.equal([
      'pendingAppeal',
      'final',
      'objected',
      'corrected',
    ]);
    expect((await search('Appealless Battery Co'))[0]?.status).to.equal('corrected');
    // the objection and the decision are steps on the case itself, in its hash-chained log
    const steps = (await w.store.events(doc._id)).filter((e) => e.type.startsWith('CREDIT_'));
    expect(steps.map((e) => [e.type, e.actor.id])).to.deep.equal([
      ['CREDIT_LISTED', 'system'],
      ['CREDIT_OBJECTED', U.respondent],
      ['CREDIT_DECIDED', U.admin],
    ]);
    expect(steps[2]!.data).to.include({ decision: 'correct', status: 'corrected' });

    // the objection period (15 working days from the notice) is over
    w.clock.advanceDays(30);
    const late = await post(`${path}/objection`, U.respondent, 'respondent', { reason: 'Again.' });
    expect(late.status).to.equal(409);
    // the disclosure period (3 years) ends the listing
    w.clock.advanceDays(3 * 366);
    expect(await search('Appealless Battery Co')).to.deep.equal([]);
  });

  it('removes the unpublished entry of an appealed judgment', async () => {
    const doc = await judged('Appealing Cells Co., Ltd.');
    await act(doc._id, U.respondent, { type: 'APPEAL', reason: 'Damages too high.' });
    const entry = await w.t.db.collection('credit_register').findOne({ _id: doc._id as never });
    expect(entry).to.include({ status: 'removed', listed: false });
    expect(await search('Appealing Cells')).to.deep.equal([]);
    expect(await w.store.eventsOfType(doc._id, 'CREDIT_LISTED')).to.deep.equal([]);
  });

  it('does not list a natural person for a single non-compliance, only for a repeated one', async () => {
    const ignored = async () => {
      // an arbitration needs the parties' agreement to arbitrate (Arbitration Law arts. 4, 16)
      const complaint = linked(smallTrademarkMediation, 'Wang Wu', 'individual');
      const doc = await w.file({
        ...complaint,
        consents: { ...complaint.consents, arbitrationAgreement: true },
      });
      await act(doc._id, U.admin, { type: 'ACCEPT' });
      await act(doc._id, U.admin, { type: 'ROUTE', channel: 'arbitration', reason: 'agreement' });
      return doc;
    };
    // an arbitral award is confidential (Arbitration Law art. 40): never on the register
    const arbitrated = await ignored();
    // expedited arbitration: both parties entrust the commission's chairman with the choice (art. 31)
    await act(arbitrated._id, U.complainant, { type: 'NOMINATE_ARBITRATOR', entrustChairman: true });
    await act(arbitrated._id, U.respondent, { type: 'NOMINATE_ARBITRATOR', entrustChairman: true });
    await act(arbitrated._id, U.admin, { type: 'APPOINT_ARBITRATOR', arbitratorId: U.arbitrator });
    await act(arbitrated._id, U.arbitrator, { type: 'DECLARE_IMPARTIALITY' });
    await act(arbitrated._id, U.arbitrator, { type: 'RENDER_AWARD', infringement: true, damagesCny: 5000 });
    await act(arbitrated._id, U.arbitrator, { type: 'OPEN_COMPLIANCE' });
    await act(arbitrated._id, U.arbitrator, { type: 'RECORD_COMPLIANCE', complied: false });
    expect(await w.t.db.collection('credit_register').countDocuments({ caseId: arbitrated._id })).to.equal(0);

    const decided = async () => {
      const doc = await w.file(linked(smallTrademarkMediation, 'Wang Wu', 'individual'));
      await act(doc._id, U.admin, { type: 'ACCEPT' });
      await act(doc._id, U.admin, {
        type: 'ROUTE',
        channel: 'administrative',
        track: 'simple',
        reason: 'fakes',
      });
      await act(doc._id, U.enforcement, { type: 'ACCEPT' });
      await act(doc._id, U.enforcement, { type: 'DETERMINE', infringement: true, remedy: 'cease' });
      await act(doc._id, U.enforcement, { type: 'OPEN_COMPLIANCE' });
      return act(doc._id, U.enforcement, { type: 'RECORD_COMPLIANCE', complied: false });
    };
    await decided();
    expect((await search('Wang Wu')).map((e) => e.decision)).to.deep.equal(['infringement:decided']);
    w.clock.advanceDays(1);
    await decided();
    expect((await search('Wang Wu')).map((e) => e.decision).sort()).to.deep.equal([
      'infringement:decided',
      'infringement:decided',
      'nonCompliance',
    ]);
  });
});
