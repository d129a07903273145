import { expect } from 'chai';
import request from 'supertest';
import type { Complaint } from '../../../shared/schemas/complaint.js';
import { SYSTEM_ACTOR } from '../../../server/cases/systemActor.js';
import type { CaseStatsView } from '../../../shared/api/statsView.js';
import {
  arbitrationAgreementComplaint,
  designPatentSmeEcommerce,
  largeInventionPunitive,
  smallTrademarkMediation,
} from '../../fixtures/complaints.js';
import { U, useCaseWorld } from '../../support/caseWorld.js';
import { buildTestApp, type TestApp } from '../../support/testApp.js';

const T0 = Date.parse('2025-09-22T02:00:00.000Z'); // Monday 10:00 in Beijing, week 2025-W39
const day = (n: number) => new Date(T0 + n * 86_400_000);
const NOW = day(28); // Monday 20 October 2025, week 2025-W43

const secondTrademark: Complaint = {
  ...smallTrademarkMediation,
  rights: [{ number: 'TM 87654321' }],
  respondent: { name: 'Wang Fang', type: 'individual' },
};
const secondDesign: Complaint = {
  ...designPatentSmeEcommerce,
  rights: [{ number: 'ZL202130999999.1' }],
  respondent: { ...designPatentSmeEcommerce.respondent, name: 'Ningbo Copy Lamps Co., Ltd.' },
};
const mediable: Complaint = {
  ...smallTrademarkMediation,
  rights: [{ number: 'TM 55555555' }],
  respondent: { ...smallTrademarkMediation.respondent, email: 'respondent@demo.local' },
};

describe('GET /api/stats', () => {
  const w = useCaseWorld('stats', '2025-06-02T02:00:00.000Z');
  let t: TestApp;
  const ids = { old: '', d1: '', d2: '', f1: '', f2: '', s1: '', w1: '', o1: '' };

  const as = (userId: string) => w.actor(userId);
  const act = (caseId: string, userId: string, action: Record<string, unknown> & { type: string }) =>
    w.store.transition(caseId, as(userId), action as never);
  const at = (n: number) => w.clock.set(day(n));

  /** Screening → administrative (ordinary adjudication, simple track) → investigation. */
  const toEnforcement = async (caseId: string) => {
    await act(caseId, U.admin, { type: 'ACCEPT' });
    await act(caseId, U.admin, { type: 'ROUTE', channel: 'administrative', reason: 'counterfeit goods' });
    await act(caseId, U.enforcement, { type: 'ACCEPT' });
  };
  /** Screening → the protection center's fast track, up to its determination. */
  const toFastTrackDetermination = async (caseId: string) => {
    await act(caseId, U.admin, { type: 'ACCEPT' });
    await act(caseId, U.admin, { type: 'ROUTE', channel: 'administrative' });
    await act(caseId, U.center, { type: 'ACCEPT' });
    await act(caseId, U.center, { type: 'ASSIGN_INVESTIGATOR', investigatorId: U.investigator });
    await act(caseId, U.investigator, { type: 'SUBMIT_TECH_REPORT', summary: 'same design', match: true });
  };
  const determine = (caseId: string, userId: string) =>
    act(caseId, userId, { type: 'DETERMINE', infringement: true, remedy: 'cease' });

  before(async function () {
    this.timeout(60_000);
    t = buildTestApp(w.t.db, { now: w.clock.now });

    // an old case, filed outside the 12 weeks shown, still in screening
    ids.old = (await w.file(arbitrationAgreementComplaint, U.complainant2))._id;

    at(0);
    ids.d1 = (await w.file(smallTrademarkMediation))._id;
    ids.f1 = (await w.file(designPatentSmeEcommerce, U.complainant2))._id;
    ids.o1 = (await w.file(arbitrationAgreementComplaint))._id;
    await toEnforcement(ids.d1);
    await toFastTrackDetermination(ids.f1);

    at(1);
    ids.d2 = (await w.file(secondTrademark))._id;
    ids.f2 = (await w.file(secondDesign, U.complainant2))._id;
    await toEnforcement(ids.d2);
    await toFastTrackDetermination(ids.f2);

    at(2);
    ids.s1 = (await w.file(mediable, U.complainant2))._id;
    ids.w1 = (await w.file(largeInventionPunitive))._id;
    await act(ids.s1, U.admin, { type: 'ACCEPT' });
    await act(ids.s1, U.admin, { type: 'ROUTE', channel: 'mediation' }); // a mediator is assigned
    await act(ids.s1, U.mediator, { type: 'ACCEPT_ASSIGNMENT' });
    await act(ids.s1, U.respondent, { type: 'CONSENT' });
    await act(ids.s1, U.mediator, { type: 'PROPOSE_AGREEMENT', terms: 'new sign, CNY 30,000' });
    await act(ids.s1, U.complainant2, { type: 'SIGN_AGREEMENT' });
    await act(ids.s1, U.respondent, { type: 'SIGN_AGREEMENT' });

    at(3);
    await act(ids.w1, U.complainant, { type: 'WITHDRAW' });
    await determine(ids.f1, U.center); // fast track decided in 3 days

    at(4);
    await determine(ids.d1, U.enforcement);
    await act(ids.f1, U.center, { type: 'CLOSE' });

    at(5);
    await act(ids.d1, U.enforcement, { type: 'CLOSE' });

    at(7);
    await w.store.transition(ids.o1, SYSTEM_ACTOR, { type: 'DEADLINE', clock: 'screeningDecision' });

    at(9);
    await determine(ids.d2, U.enforcement); // resolved, not closed

    at(12);
    await act(ids.s1, U.mediator, { type: 'CLOSE', reason: 'settled' }); // resolved

    at(13);
    await act(ids.s1, U.mediator, { type: 'CLOSE' }); // closed: settled (Sunday 5 October in Beijing)

    // 10 working days after 23 September end on 13 October (National Day holiday, make-up days 28
    // September and 11 October): a determination on 14 October misses the target
    at(22);
    await determine(ids.f2, U.center);

    w.clock.set(NOW);
  });

  const bearer = async (userId: string, role: string) =>
    `Bearer ${(await t.services.tokens.issue(userId, role)).token}`;
  const stats = async (userId: string, role: string, query = '') => {
    const res = await request(t.app)
      .get(`/api/stats${query}`)
      .set('Authorization', await bearer(userId, role));
    expect(res.status, res.text).to.equal(200);
    return res.body as CaseStatsView;
  };

  it('drives the cases to the states the figures expect', async () => {
    const docs = await w.store.models.cases
      .find({}, { status: 1, closureReason: 1, track: 1, orgId: 1 })
      .lean();
    const byId = new Map(docs.map((d) => [d._id, d]));
    expect(byId.get(ids.d1)).to.include({ status: 'closed', closureReason: 'decided', track: 'simple' });
    expect(byId.get(ids.f1)).to.include({ status: 'closed', closureReason: 'decided', track: 'fast' });
    expect(byId.get(ids.s1)).to.include({ status: 'closed', closureReason: 'settled', track: 'simple' });
    expect(byId.get(ids.w1)).to.include({ status: 'closed', closureReason: 'withdrawn' });
    expect(byId.get(ids.d2)).to.include({ status: 'resolved', orgId: 'org-bj-amr' });
    expect(byId.get(ids.f2)).to.include({ status: 'resolved', track: 'fast' });
  });

  it('gives an admin the figures of every case', async () => {
    const body = await stats(U.admin, 'admin');
    expect(body.scope).to.equal('all');
    expect(body.byStatus).to.deep.equal({
      screening: 2,
      awaitingInfo: 0,
      triage: 0,
      inChannel: 0,
      resolved: 2,
      compliance: 0,
      closed: 4,
    });
    expect(body.openCases).to.equal(4);
    expect(body.byChannel).to.deep.equal({
      administrative: 4,
      judicial: 0,
      mediation: 1,
      arbitration: 0,
      legalServices: 0,
      socialSupervision: 0,
      industrySelfRegulation: 0,
    });
    expect(body.byTrack).to.deep.equal({ fast: 2, simple: 3, ordinary: 3 });
    expect(body.clocksBreached).to.equal(1);
    // closed on the merits: two decided, one settled (the withdrawal does not count)
    expect(body.settlementRate).to.equal(0.3333);
  });

  it('computes days to resolution per channel and track, on the merits only', async () => {
    const body = await stats(U.admin, 'admin');
    expect(body.resolution).to.deep.equal([
      { channel: 'administrative', track: 'fast', resolved: 2, medianDays: 12, p90Days: 19.2 },
      { channel: 'administrative', track: 'simple', resolved: 2, medianDays: 6, p90Days: 7.6 },
      { channel: 'mediation', track: 'simple', resolved: 1, medianDays: 10, p90Days: 10 },
    ]);
  });

  it('measures the fast track against 10 working days', async () => {
    const body = await stats(U.admin, 'admin');
    expect(body.fastTrack).to.deep.equal({ medianDaysToDecision: 12, targetWorkingDays: 10, breaches: 1 });
  });

  it('counts filings and closings in each of the last 12 weeks', async () => {
    const body = await stats(U.admin, 'admin');
    expect(body.weekly).to.have.length(12);
    expect(body.weekly[0]?.week).to.equal('2025-W32');
    expect(body.weekly[11]).to.deep.equal({ week: '2025-W43', opened: 0, closed: 0 });
    const active = body.weekly.filter((wk) => wk.opened > 0 || wk.closed > 0);
    expect(active).to.deep.equal([
      { week: '2025-W39', opened: 7, closed: 3 },
      { week: '2025-W40', opened: 0, closed: 1 },
    ]);
  });

  it('filters by filing date: from and to are Beijing dates, to inclusive', async () => {
    const later = await stats(U.admin, 'admin', '?from=2025-09-23');
    expect(later.byStatus).to.include({ resolved: 2, closed: 2, screening: 0 });
    expect(later.settlementRate).to.equal(1);
    expect(later.fastTrack).to.deep.equal({ medianDaysToDecision: 21, targetWorkingDays: 10, breaches: 1 });

    const first = await stats(U.admin, 'admin', '?from=2025-09-22&to=2025-09-22');
    expect(first.byStatus).to.include({ screening: 1, closed: 2, resolved: 0 });
    expect(first.clocksBreached).to.equal(1);

    const instants = await stats(U.admin, 'admin', '?to=2025-09-22T02:00:00Z');
    expect(Object.values(instants.byStatus).reduce((a, b) => a + b, 0)).to.equal(4);
  });

  it('limits an officer to the cases their organisation holds', async () => {
    const body = await stats(U.enforcement, 'officer');
    expect(body.scope).to.deep.equal({ orgId: 'org-bj-amr' });
    expect(body.byStatus).to.include({ closed: 1, resolved: 1, screening: 0 });
    expect(body.openCases).to.equal(1);
    expect(body.byChannel.administrative).to.equal(2);
    expect(body.settlementRate).to.equal(0);
    expect(body.clocksBreached).to.equal(0);
    expect(body.resolution).to.deep.equal([
      { channel: 'administrative', track: 'simple', resolved: 2, medianDays: 6, p90Days: 7.6 },
    ]);
    expect(body.fastTrack).to.deep.equal({ medianDaysToDecision: null, targetWorkingDays: 10, breaches: 0 });
  });

  it('refuses other roles with 403 problem+json, and anonymous callers with 401', async () => {
    for (const [userId, role] of [
      [U.complainant, 'complainant'],
      [U.mediator, 'mediator'],
      [U.respondent, 'respondent'],
    ] as const) {
      const res = await request(t.app)
        .get('/api/stats')
        .set('Authorization', await bearer(userId, role));
      expect(res.status).to.equal(403);
      expect(res.headers['content-type']).to.match(/^application\/problem\+json/);
      expect(JSON.parse(res.text)).to.include({ status: 403, title: 'Forbidden' });
    }
    expect((await request(t.app).get('/api/stats')).status).to.equal(401);
  });

  it('answers a bad range with 400 problem+json', async () => {
    const auth = await bearer(U.admin, 'admin');
    for (const query of [
      '?from=yesterday',
      '?from=2025-02-30',
      '?to=2025-09-22T10:00:00', // no offset: its meaning would depend on the server's zone
      '?from=2025-10-01&to=2025-09-01',
      '?from[$gt]=2025-01-01',
      '?from=2025-01-01&from=2025-02-01',
    ]) {
      const res = await request(t.app).get(`/api/stats${query}`).set('Authorization', auth);
      expect(res.status, query).to.equal(400);
      expect(res.headers['content-type']).to.match(/^application\/problem\+json/);
    }
  });
});
