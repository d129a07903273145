import { expect } from 'chai';
import request from 'supertest';
import { designPatentSmeEcommerce, smallTrademarkMediation } from '../../fixtures/complaints.js';
import { expectProblem } from '../../support/problem.js';
import { buildTestApp, login, seedDirectory, type TestApp } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const tea = {
  ...smallTrademarkMediation,
  respondent: { ...smallTrademarkMediation.respondent, email: 'respondent@demo.local' },
};

describe('cases over HTTP', () => {
  const t = useTestDatabase('caseapi');
  let a: TestApp;
  const tok: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });

  before(async () => {
    await seedDirectory(t.db);
    a = buildTestApp(t.db);
    for (const who of ['complainant', 'complainant2', 'respondent', 'mediator', 'admin', 'court', 'center']) {
      tok[who] = await login(a.app, `${who}@demo.local`);
    }
  });

  it('files a complaint: 201 with number, status, track, recommendation and flags', async () => {
    const res = await request(a.app)
      .post('/api/cases')
      .set(as('complainant'))
      .send(designPatentSmeEcommerce)
      .expect(201);
    expect(res.body).to.include({
      status: 'screening',
      stage: 'screening',
      seq: 1,
      channel: null,
      track: 'fast',
    });
    expect(res.body.caseNo).to.match(/^SF-\d{4}-\d{6}$/);
    expect(res.body.recommendation.ranked).to.have.length(7);
    expect(res.body.recommendation.ranked[0].channel).to.equal('administrative');
    expect(res.body.recommendation.ranked[0].reasons[0].text).to.be.a('string');
    expect(res.body.flags).to.have.keys(['duplicate', 'parallel', 'paeRisk']);
    expect(res.body.respondent).to.deep.equal({
      id: 'u-respondent',
      name: designPatentSmeEcommerce.respondent.name,
    });
    expect(res.body).to.not.have.any.keys('snapshot', 'participantIds', 'lastHash', 'respondentKey', '_id');
  });

  it('rejects filing by other roles (403) and invalid complaints (422 listing the fields)', async () => {
    expectProblem(await request(a.app).post('/api/cases').set(as('mediator')).send(tea), 403);
    const bad = expectProblem(
      await request(a.app)
        .post('/api/cases')
        .set(as('complainant'))
        .send({ ...tea, ipType: 'spaceship', title: '' }),
      422,
    );
    const paths = (bad.errors as { path: string }[]).map((e) => e.path);
    expect(paths).to.include.members(['ipType', 'title']);
  });

  it('previews routing without saving anything', async () => {
    const before = await request(a.app).get('/api/cases').set(as('complainant2')).expect(200);
    const res = await request(a.app)
      .post('/api/routing/preview')
      .set(as('complainant2'))
      .send(tea)
      .expect(200);
    expect(res.body.track).to.be.oneOf(['fast', 'simple', 'ordinary']);
    expect(res.body.recommendation.ranked[0].channel).to.equal('mediation');
    const after = await request(a.app).get('/api/cases').set(as('complainant2')).expect(200);
    expect(after.body.total).to.equal(before.body.total);
  });

  it('drives a case through actions: available actions, 200 with the new seq, 409 stale or not now, 403 wrong role, 422 bad payload', async () => {
    const filed = await request(a.app).post('/api/cases').set(as('complainant')).send(tea).expect(201);
    const id = filed.body.id as string;

    const adminActions = await request(a.app).get(`/api/cases/${id}/actions`).set(as('admin')).expect(200);
    const types = adminActions.body.items.map((i: { type: string }) => i.type);
    expect(types).to.include.members(['ACCEPT', 'REQUEST_INFO', 'REJECT']);
    const reject = adminActions.body.items.find((i: { type: string }) => i.type === 'REJECT');
    expect(reject.fields.map((f: { name: string }) => f.name)).to.include('reason');
    const mine = await request(a.app).get(`/api/cases/${id}/actions`).set(as('complainant')).expect(200);
    expect(mine.body.items.map((i: { type: string }) => i.type)).to.deep.equal(['WITHDRAW']);

    const accepted = await request(a.app)
      .post(`/api/cases/${id}/actions`)
      .set(as('admin'))
      .send({ type: 'ACCEPT', expectedSeq: 1 })
      .expect(200);
    expect(accepted.body).to.include({ status: 'triage', seq: 2 });

    const stale = expectProblem(
      await request(a.app)
        .post(`/api/cases/${id}/actions`)
        .set(as('admin'))
        .send({ type: 'ROUTE', channel: 'mediation', expectedSeq: 1 }),
      409,
    );
    expect(stale).to.include({ seq: 2, code: 'staleSeq' });
    const notNow = expectProblem(
      await request(a.app).post(`/api/cases/${id}/actions`).set(as('admin')).send({ type: 'SIGN_AGREEMENT' }),
      409,
    );
    expect(notNow.allowed).to.be.an('array').that.includes('ROUTE');
    expect(notNow.code).to.equal('notAllowedNow');
    const wrongRole = expectProblem(
      await request(a.app)
        .post(`/api/cases/${id}/actions`)
        .set(as('complainant'))
        .send({ type: 'ROUTE', channel: 'mediation' }),
      403,
    );
    expect(wrongRole.code).to.equal('roleMayNotAct');
    // the admin may route now: a missing reason for leaving the recommendation is the payload's fault
    const noReason = expectProblem(
      await request(a.app)
        .post(`/api/cases/${id}/actions`)
        .set(as('admin'))
        .send({ type: 'ROUTE', channel: 'arbitration' }),
      422,
    );
    expect(noReason.code).to.equal('routeReasonRequired');
    expect((noReason.errors as { path: string }[]).map((e) => e.path)).to.deep.equal(['reason']);
    const bad = expectProblem(
      await request(a.app)
        .post(`/api/cases/${id}/actions`)
        .set(as('admin'))
        .send({ type: 'ROUTE', channel: 'moon' }),
      422,
    );
    expect((bad.errors as { path: string }[]).map((e) => e.path)).to.include('channel');
    expectProblem(
      await request(a.app).post(`/api/cases/${id}/actions`).set(as('admin')).send({ type: 'NO_SUCH_THING' }),
      422,
    );

    const routed = await request(a.app)
      .post(`/api/cases/${id}/actions`)
      .set(as('admin'))
      .send({ type: 'ROUTE', channel: 'mediation' })
      .expect(200);
    expect(routed.body).to.include({
      channel: 'mediation',
      mediatorId: 'u-mediator',
      stage: 'inChannel.mediation.awaitingAcceptance',
    });

    const events = await request(a.app)
      .get(`/api/cases/${id}/events?after=2`)
      .set(as('complainant'))
      .expect(200);
    expect(events.body.items.map((e: { seq: number; type: string }) => [e.seq, e.type])).to.deep.equal([
      [3, 'ROUTE'],
      [4, 'ORG_ASSIGNED'],
      [5, 'ASSIGN_MEDIATOR'],
      [6, 'INVITATION_SENT'],
    ]);
    for (const e of events.body.items)
      expect(e).to.have.keys([
        'seq',
        'type',
        'kind',
        'at',
        'actor',
        'data',
        'status',
        'stage',
        'tags',
        'hash',
        'prevHash',
      ]);
  });

  it('lists only visible cases, with filters, sort and pagination', async () => {
    const mine = await request(a.app)
      .get('/api/cases?limit=2&page=1&sort=-filedAt')
      .set(as('complainant'))
      .expect(200);
    expect(mine.body).to.include({ page: 1, limit: 2 });
    expect(mine.body.total).to.be.at.least(2);
    expect(mine.body.items).to.have.length(2);
    for (const c of mine.body.items) expect(c.complainant.id).to.equal('u-complainant');
    const other = await request(a.app).get('/api/cases').set(as('complainant2')).expect(200);
    for (const c of other.body.items) expect(c.complainant.id).to.equal('u-complainant2');

    const mediation = await request(a.app)
      .get('/api/cases?channel=mediation&assignee=me')
      .set(as('mediator'))
      .expect(200);
    expect(mediation.body.total).to.be.at.least(1);
    for (const c of mediation.body.items)
      expect(c).to.include({ channel: 'mediation', mediatorId: 'u-mediator' });

    const all = await request(a.app).get('/api/cases?q=tea&status=inChannel').set(as('admin')).expect(200);
    expect(all.body.items.every((c: { status: string }) => c.status === 'inChannel')).to.equal(true);
    const court = await request(a.app).get('/api/cases').set(as('court')).expect(200);
    expect(court.body.total).to.equal(0);
  });

  it('serves the desk queues, their counts in one request, open and overdue lists, and row actions', async () => {
    const counts = await request(a.app).get('/api/cases/counts').set(as('admin')).expect(200);
    const open = await request(a.app).get('/api/cases?open=true&limit=100').set(as('admin')).expect(200);
    expect(counts.body.open).to.equal(open.body.total);
    expect(open.body.items.every((c: { status: string }) => c.status !== 'closed')).to.equal(true);
    const byQueue = counts.body.byQueue as Record<string, number>;
    expect(Object.keys(byQueue)).to.deep.equal(['screening', 'triage', 'holds', 'inChannel']);
    for (const [queue, n] of Object.entries(byQueue)) {
      const list = await request(a.app)
        .get(`/api/cases?queue=${queue}&limit=100`)
        .set(as('admin'))
        .expect(200);
      expect(list.body.total, queue).to.equal(n);
    }
    const screening = await request(a.app).get('/api/cases?queue=screening').set(as('admin')).expect(200);
    expect(screening.body.total).to.be.at.least(1);
    for (const c of screening.body.items) expect(c.status).to.be.oneOf(['screening', 'awaitingInfo']);

    // an organisation's desk counts its own open cases (kept by each commit), like its open list
    for (const officer of ['center', 'court']) {
      const theirs = await request(a.app).get('/api/cases/counts').set(as(officer)).expect(200);
      const theirOpen = await request(a.app)
        .get('/api/cases?open=true&limit=100')
        .set(as(officer))
        .expect(200);
      expect(theirs.body.open, officer).to.equal(theirOpen.body.total);
    }

    // a party's counts cover only their own cases
    const mine = await request(a.app).get('/api/cases/counts').set(as('complainant2')).expect(200);
    const mineOpen = await request(a.app).get('/api/cases?open=true').set(as('complainant2')).expect(200);
    expect(mine.body.open).to.equal(mineOpen.body.total);

    // rows with actions: the mediator's assigned cases say what the mediator may do now
    const rows = await request(a.app)
      .get('/api/cases?assignee=me&withActions=true')
      .set(as('mediator'))
      .expect(200);
    expect(rows.body.items.length).to.be.at.least(1);
    for (const row of rows.body.items as { id: string; actions: string[] }[]) {
      const actions = await request(a.app)
        .get(`/api/cases/${row.id}/actions`)
        .set(as('mediator'))
        .expect(200);
      expect(row.actions).to.deep.equal(actions.body.items.map((x: { type: string }) => x.type));
    }
    const plain = await request(a.app).get('/api/cases?assignee=me').set(as('mediator')).expect(200);
    expect(plain.body.items[0]).to.not.have.property('actions');
  });

  it('answers 404 for a case the caller may not see, on every case endpoint', async () => {
    const filed = await request(a.app).post('/api/cases').set(as('complainant')).send(tea).expect(201);
    const id = filed.body.id as string;
    for (const path of [`/api/cases/${id}`, `/api/cases/${id}/events`, `/api/cases/${id}/actions`]) {
      expectProblem(await request(a.app).get(path).set(as('complainant2')), 404);
    }
    expectProblem(
      await request(a.app)
        .post(`/api/cases/${id}/actions`)
        .set(as('complainant2'))
        .send({ type: 'WITHDRAW' }),
      404,
    );
    expectProblem(await request(a.app).get('/api/cases/does-not-exist').set(as('admin')), 404);
  });

  it('honours Idempotency-Key: same body → the first response, other body → 422, 20 concurrent → one case', async () => {
    const body = { ...tea, title: 'Idempotent tea complaint' };
    const first = await request(a.app)
      .post('/api/cases')
      .set(as('complainant2'))
      .set('Idempotency-Key', 'k-1')
      .send(body)
      .expect(201);
    const again = await request(a.app)
      .post('/api/cases')
      .set(as('complainant2'))
      .set('Idempotency-Key', 'k-1')
      .send(body)
      .expect(201);
    expect(again.body.id).to.equal(first.body.id);
    expect(again.headers['idempotent-replayed']).to.equal('true');
    expectProblem(
      await request(a.app)
        .post('/api/cases')
        .set(as('complainant2'))
        .set('Idempotency-Key', 'k-1')
        .send({ ...body, title: 'Other' }),
      422,
    );
    expectProblem(
      await request(a.app)
        .post('/api/cases')
        .set(as('complainant2'))
        .set('Idempotency-Key', 'bad key!')
        .send(body),
      400,
    );

    const burst = { ...tea, title: 'Burst tea complaint' };
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        request(a.app)
          .post('/api/cases')
          .set(as('complainant2'))
          .set('Idempotency-Key', 'burst-1')
          .send(burst),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).to.equal(true, statuses.join(','));
    const ids = new Set(results.filter((r) => r.status === 201).map((r) => r.body.id as string));
    expect(ids.size).to.equal(1);
    const count = await a.engine.store.models.cases.countDocuments({ title: 'Burst tea complaint' });
    expect(count).to.equal(1);
  });
});
