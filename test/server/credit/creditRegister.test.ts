import { expect } from 'chai';
import request from 'supertest';
import type { Complaint } from '../../../shared/schemas/complaint.js';
import type { CreditEntryView } from '../../../shared/api/creditView.js';
import { designPatentSmeEcommerce, smallTrademarkMediation } from '../../fixtures/complaints.js';
import { U, useCaseWorld } from '../../support/caseWorld.js';
import { buildTestApp, type TestApp } from '../../support/testApp.js';

const cleared: Complaint = {
  ...smallTrademarkMediation,
  rights: [{ number: 'TM 24681357' }],
  respondent: { name: 'Hangzhou Brightside Foods Co., Ltd.', type: 'enterprise' },
};

describe('GET /api/credit', () => {
  const w = useCaseWorld('credit', '2025-09-22T02:00:00.000Z');
  let t: TestApp;
  let caseNo = '';

  const act = (caseId: string, userId: string, action: Record<string, unknown> & { type: string }) =>
    w.store.transition(caseId, w.actor(userId), action as never);

  /** Ordinary administrative adjudication to a closed decision, finding infringement or not. */
  const decide = async (complaint: Complaint, infringement: boolean) => {
    const doc = await w.file(complaint);
    await act(doc._id, U.admin, { type: 'ACCEPT' });
    await act(doc._id, U.admin, {
      type: 'ROUTE',
      channel: 'administrative',
      track: 'simple',
      reason: 'counterfeit goods',
    });
    await act(doc._id, U.enforcement, { type: 'ACCEPT' });
    w.clock.advanceDays(5);
    await act(doc._id, U.enforcement, {
      type: 'DETERMINE',
      infringement,
      remedy: infringement ? 'cease' : 'none',
    });
    return act(doc._id, U.enforcement, { type: 'CLOSE' });
  };

  before(async function () {
    this.timeout(60_000);
    t = buildTestApp(w.t.db, { now: w.clock.now });
    const closed = await decide(designPatentSmeEcommerce, true); // Hangzhou Bright Trading Co., Ltd.
    caseNo = closed.caseNo;
    await decide(cleared, false);
    await w.file({
      ...smallTrademarkMediation,
      respondent: { name: 'Hangzhou Bright Trading', type: 'enterprise' },
    });
  });

  const bearer = async (userId: string, role: string) =>
    `Bearer ${(await t.services.tokens.issue(userId, role)).token}`;
  const search = async (name: string, userId: string = U.complainant, role = 'complainant') => {
    const res = await request(t.app)
      .get('/api/credit')
      .query({ name })
      .set('Authorization', await bearer(userId, role));
    expect(res.status, res.text).to.equal(200);
    return (res.body as { items: CreditEntryView[] }).items;
  };

  it('lists a respondent found infringing in a closed case, with the public fields only', async () => {
    const items = await search('Hangzhou Bright Trading Co., Ltd.');
    expect(items[0]?.legalBasis).to.contain('Administrative Penalty Law art. 48');
    expect(items).to.deep.equal([
      {
        id: items[0]?.id,
        status: 'final',
        legalBasis: items[0]?.legalBasis,
        legalBasisKey: 'administrativeDecision',
        name: 'Hangzhou Bright Trading Co., Ltd.',
        rightNumber: 'ZL202130123456.7',
        ipType: 'designPatent',
        decision: 'infringement:decided',
        channel: 'administrative',
        date: '2025-09-27T02:00:00.000Z',
        caseNo,
      },
    ]);
  });

  it('is open to every signed-in role (it is the public register)', async () => {
    for (const [userId, role] of [
      [U.respondent, 'respondent'],
      [U.mediator, 'mediator'],
      [U.enforcement, 'officer'],
      [U.admin, 'admin'],
    ] as const) {
      expect(await search('Hangzhou Bright Trading', userId, role)).to.have.length(1);
    }
    expect((await request(t.app).get('/api/credit').query({ name: 'x' })).status).to.equal(401);
  });

  it('matches the normalised name: case, punctuation, spacing and company suffixes do not matter', async () => {
    for (const name of [
      'HANGZHOU-BRIGHT TRADING',
      'hangzhou bright trading co ltd',
      'Ｈａｎｇｚｈｏｕ Bright Trading',
    ]) {
      expect(
        (await search(name)).map((e) => e.caseNo),
        name,
      ).to.deep.equal([caseNo]);
    }
  });

  it('searches names case-insensitively by substring from 2 characters, literally', async () => {
    expect(await search('bright tr')).to.have.length(1);
    expect(await search('zh')).to.have.length(1);
    expect(await search('g')).to.deep.equal([]); // 1 character: exact normalised name only
    expect(await search('Bright.*Ltd')).to.deep.equal([]); // regex characters are plain text
    expect(await search('Trading (')).to.deep.equal([]);
  });

  it('leaves out respondents cleared or not yet decided', async () => {
    expect(await search('Brightside')).to.deep.equal([]);
    // the open case against "Hangzhou Bright Trading" adds nothing
    expect(await search('Hangzhou')).to.have.length(1);
  });

  it('answers a missing, empty, too long or operator-shaped name with 400 problem+json', async () => {
    const auth = await bearer(U.complainant, 'complainant');
    for (const query of [
      '',
      '?name=',
      '?name=%20%20',
      `?name=${'a'.repeat(201)}`,
      '?name[$ne]=null',
      '?name[$regex]=.*',
      `?name=${encodeURIComponent('{"$ne":null}')}`,
      '?name=%24where',
      '?name=a&name=b',
      '?name=ok&extra=1',
    ]) {
      const res = await request(t.app).get(`/api/credit${query}`).set('Authorization', auth);
      expect(res.status, query).to.equal(400);
      expect(res.headers['content-type'], query).to.match(/^application\/problem\+json/);
      expect(JSON.parse(res.text), query).to.include({ status: 400, title: 'Bad Request' });
    }
    expect(await search('a'.repeat(200))).to.deep.equal([]);
  });
});
