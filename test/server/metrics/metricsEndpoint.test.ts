import { expect } from 'chai';
import request from 'supertest';
import { SYSTEM_ACTOR } from '../../../server/cases/systemActor.js';
import { connectDatabase } from '../../../server/db/connectDatabase.js';
import { smallTrademarkMediation } from '../../fixtures/complaints.js';
import { U, useCaseWorld } from '../../support/caseWorld.js';
import { buildTestApp, type TestApp } from '../../support/testApp.js';

/** The value of one sample in a Prometheus text exposition (0 when absent). */
const sample = (text: string, name: string, labels: Record<string, string> = {}): number => {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',').filter(Boolean);
    if (wanted.length === have.length && wanted.every((l) => have.includes(l))) return Number(m[3]);
  }
  return 0;
};

describe('GET /metrics', () => {
  const w = useCaseWorld('metrics', '2025-09-22T02:00:00.000Z');
  let t: TestApp;

  before(() => {
    t = buildTestApp(w.t.db, { now: w.clock.now });
  });

  const bearer = async (userId: string, role: string) =>
    `Bearer ${(await t.services.tokens.issue(userId, role)).token}`;
  const scrape = async (app = t.app) => {
    const res = await request(app).get('/metrics');
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.match(/^text\/plain; version=0\.0\.4/);
    return res.text;
  };

  it('answers without sign-in in the Prometheus text format', async () => {
    const text = await scrape();
    expect(text).to.include('# TYPE http_requests_total counter');
    expect(text).to.include('# TYPE http_request_duration_seconds histogram');
    expect(text).to.include('# TYPE sevenfold_transitions_total counter');
    expect(text).to.include('# TYPE sevenfold_open_cases gauge');
    expect(text).to.include('# TYPE sevenfold_clocks_breached gauge');
  });

  it('counts requests by route pattern, never the raw URL; unmatched routes as "unmatched"', async () => {
    const complainant = await bearer(U.complainant, 'complainant');
    const filed = await request(t.app)
      .post('/api/cases')
      .set('Authorization', complainant)
      .send(smallTrademarkMediation)
      .expect(201);
    const id = (filed.body as { id: string }).id;
    const before = await scrape();
    const count = (text: string, method: string, route: string, status: string) =>
      sample(text, 'http_requests_total', { method, route, status });

    await request(t.app).get(`/api/cases/${id}`).set('Authorization', complainant).expect(200);
    await request(t.app).get(`/api/cases/${id}`).set('Authorization', complainant).expect(200);
    await request(t.app).get('/api/cases/not%20an%20id').set('Authorization', complainant).expect(400);
    await request(t.app).get(`/api/cases/${id}/events`).expect(401);
    await request(t.app).get('/no/such/page').expect(404);
    await request(t.app).get('/api/credit?name=Li%20Ming').set('Authorization', complainant).expect(200);
    const after = await scrape();

    const delta = (method: string, route: string, status: string) =>
      count(after, method, route, status) - count(before, method, route, status);
    expect(count(before, 'POST', '/api/cases', '201')).to.equal(1);
    expect(delta('GET', '/api/cases/:id', '200')).to.equal(2);
    expect(delta('GET', '/api/cases/:id', '400')).to.equal(1); // answered by the error middleware
    expect(delta('GET', '/api/cases/:id/events', '401')).to.equal(1);
    expect(delta('GET', 'unmatched', '404')).to.equal(1);
    expect(delta('GET', '/api/credit', '200')).to.equal(1);
    expect(delta('GET', '/metrics', '200')).to.equal(1);
    expect(after).not.to.include(id);
    expect(after).not.to.include('/no/such/page');
    expect(
      sample(after, 'http_request_duration_seconds_count', {
        method: 'GET',
        route: '/api/cases/:id',
        status: '200',
      }),
    ).to.equal(2);
  });

  it('counts transitions by type, and reads open cases and breached clocks on each scrape', async () => {
    const admin = await bearer(U.admin, 'admin');
    const complainant = await bearer(U.complainant, 'complainant');
    const file = async () =>
      (
        await request(t.app)
          .post('/api/cases')
          .set('Authorization', complainant)
          .send(smallTrademarkMediation)
          .expect(201)
      ).body as { id: string };
    const start = await scrape();
    const first = await file();
    const second = await file();
    const filed = await scrape();
    const open = (text: string, status: string) => sample(text, 'sevenfold_open_cases', { status });
    expect(open(filed, 'screening') - open(start, 'screening')).to.equal(2);
    expect(open(filed, 'triage')).to.equal(0);
    expect(sample(filed, 'sevenfold_clocks_breached')).to.equal(0);

    await request(t.app)
      .post(`/api/cases/${first.id}/actions`)
      .set('Authorization', admin)
      .send({ type: 'ACCEPT' })
      .expect(200);
    await t.engine.store.transition(second.id, SYSTEM_ACTOR, {
      type: 'DEADLINE',
      clock: 'screeningDecision',
    });
    const after = await scrape();
    const moved = (type: string) =>
      sample(after, 'sevenfold_transitions_total', { type }) -
      sample(filed, 'sevenfold_transitions_total', { type });
    expect(moved('ACCEPT')).to.equal(1);
    expect(moved('DEADLINE')).to.equal(1);
    expect(sample(after, 'sevenfold_transitions_total', { type: 'FILED' })).to.equal(0); // filings are not transitions
    expect(open(after, 'screening') - open(filed, 'screening')).to.equal(-1);
    expect(open(after, 'triage')).to.equal(1);
    expect(sample(after, 'sevenfold_clocks_breached')).to.equal(1);
  });

  it('keeps a registry per app: another app counts only its own requests', async () => {
    const other = buildTestApp(w.t.db, { now: w.clock.now });
    await request(other.app).get('/healthz').expect(200);
    const mine = await scrape();
    const theirs = await scrape(other.app);
    expect(
      sample(theirs, 'http_requests_total', { method: 'GET', route: '/healthz', status: '200' }),
    ).to.equal(1);
    expect(
      sample(theirs, 'http_requests_total', { method: 'POST', route: '/api/cases', status: '201' }),
    ).to.equal(0);
    expect(
      sample(mine, 'http_requests_total', { method: 'POST', route: '/api/cases', status: '201' }),
    ).to.equal(3);
  });

  it('still answers at once when the database is gone', async () => {
    const db = await connectDatabase(w.t.uri);
    await db.close();
    const gone = buildTestApp(db);
    const started = Date.now();
    const text = await scrape(gone.app);
    expect(Date.now() - started).to.be.below(2000);
    expect(text).to.include('# TYPE sevenfold_open_cases gauge');
  });
});
