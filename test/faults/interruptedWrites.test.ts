import { expect } from 'chai';
import { MongoNetworkError } from 'mongodb';
import request from 'supertest';
import { mediationComplaint } from '../support/caseApi.js';
import { buildTestApp, login, seedDirectory, type TestApp } from '../support/testApp.js';
import { useTestDatabase } from '../support/useTestDatabase.js';

/**
 * Writes cut short by a crash, each reproduced deterministically from what the crash suite found:
 * the state a server killed between two writes leaves behind is made by doing the write once and
 * putting the database back where the crash left it.
 */
describe('crash suite: writes cut short by a crash', function () {
  const t = useTestDatabase('interrupted');
  let a: TestApp;
  let token: string;
  let userId: string;

  before(async () => {
    await seedDirectory(t.db);
    a = buildTestApp(t.db);
    token = await login(a.app, 'complainant@demo.local');
    userId = String(
      (await request(a.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`)).body.user.id,
    );
  });

  const file = (key: string, title: string) =>
    request(a.app)
      .post('/api/cases')
      .set('Authorization', `Bearer ${token}`)
      .set('Idempotency-Key', key)
      .send(mediationComplaint(title));
  const keys = () => t.db.collection('idempotency_keys');
  const casesTitled = (title: string) => t.db.collection('cases').countDocuments({ title });
  const filedEventsTitled = (title: string) =>
    t.db.collection('case_events').countDocuments({ type: 'FILED', 'data.complaint.title': title });
  /** The key as a server killed before `finish` leaves it, its lease over (the request is gone). */
  const leftPending = (key: string, leaseUntil = new Date(Date.now() - 1000)) =>
    keys().updateOne(
      { _id: `${userId}:${key}` as never },
      { $set: { state: 'pending', status: null, response: null, leaseUntil } },
    );

  // A filing's key is claimed, the case is created, then the key is finished. Killed in between, the
  // key stayed `pending` and every retry got 409 "still being processed" for 24 hours; a key freed
  // after a failure could file the case twice.
  it('filing killed after the case was created: the retry answers that case, and files nothing twice', async () => {
    const first = await file('crash-after-append', 'Crash after append').expect(201);
    await leftPending('crash-after-append');
    const retry = await file('crash-after-append', 'Crash after append');
    expect(retry.status, retry.text).to.equal(201);
    expect(retry.body.id).to.equal(first.body.id);
    expect(await filedEventsTitled('Crash after append')).to.equal(1);
    expect(await casesTitled('Crash after append')).to.equal(1);
    // and the key is done: the next retry is a plain replay
    const again = await file('crash-after-append', 'Crash after append').expect(201);
    expect(again.headers['idempotent-replayed']).to.equal('true');
    expect(again.body.id).to.equal(first.body.id);
  });

  it('filing killed before the case was created: the retry files it once, under the id the key reserved', async () => {
    const first = await file('crash-before-append', 'Crash before append').expect(201);
    const id = first.body.id as string;
    // the state of a crash between claiming the key and the first event: no case at all
    await t.db.collection('case_events').deleteMany({ caseId: id });
    await t.db.collection('cases').deleteOne({ _id: id as never });
    await t.db.collection('deadlines').deleteMany({ caseId: id });
    await leftPending('crash-before-append');
    const retry = await file('crash-before-append', 'Crash before append');
    expect(retry.status, retry.text).to.equal(201);
    expect(retry.body.id).to.equal(id);
    expect(await filedEventsTitled('Crash before append')).to.equal(1);
  });

  it('filing: while the first request still holds its lease, a retry is told to wait (409), not run twice', async () => {
    await file('lease-held', 'Lease held').expect(201);
    await leftPending('lease-held', new Date(Date.now() + 60_000));
    const retry = await file('lease-held', 'Lease held');
    expect(retry.status).to.equal(409);
    expect(retry.headers['content-type']).to.match(/application\/problem\+json/);
    expect(await filedEventsTitled('Lease held')).to.equal(1);
  });

  // A message is its MESSAGE_POSTED event, then its `messages` document. Killed in between, it was in
  // the timeline (and pushed live as message:new) but missing from GET /messages for good.
  it('message killed after its event: GET /messages lists it again, once', async () => {
    const filed = await file('message-case', 'Message case').expect(201);
    const id = filed.body.id as string;
    const posted = await request(a.app)
      .post(`/api/cases/${id}/messages`)
      .set('Authorization', `Bearer ${token}`)
      .send({ body: 'Posted just before the crash', visibility: 'joint' })
      .expect(201);
    await t.db.collection('messages').deleteOne({ _id: posted.body.id as never });
    const list = await request(a.app)
      .get(`/api/cases/${id}/messages`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(list.body.items).to.deep.equal([posted.body]);
    expect(await t.db.collection('messages').countDocuments({ caseId: id })).to.equal(1);
  });

  // A commit is an append, then the projection, then the effects (clocks, organisation, mediator).
  // When the database went away after the append, the projection lagged and the effects never ran
  // until the next start: the case's screening clock had no deadline and would never fire.
  it('commit cut off after its append: the event stands, and the server finishes the rest by itself', async () => {
    const cases = a.engine.store.models.cases.collection as unknown as Record<string, unknown>;
    const save = cases.updateOne;
    cases.updateOne = () => {
      delete cases.updateOne; // once
      return Promise.reject(new MongoNetworkError('connection reset by the database'));
    };
    try {
      const res = await file('commit-cut-off', 'Commit cut off');
      expect(res.status).to.equal(503);
    } finally {
      if (cases.updateOne !== save) delete cases.updateOne;
    }
    const filed = await t.db
      .collection('case_events')
      .findOne({ type: 'FILED', 'data.complaint.title': 'Commit cut off' });
    const id = String(filed?.caseId);
    expect(a.engine.store.interrupted.has(id)).to.equal(true);
    expect(await t.db.collection('deadlines').countDocuments({ caseId: id })).to.equal(0);

    expect(await a.engine.effects.repairInterrupted()).to.equal(1);
    expect(a.engine.store.interrupted.size).to.equal(0);
    const deadline = await t.db.collection('deadlines').findOne({ caseId: id, clock: 'screeningDecision' });
    expect(deadline?.state).to.equal('pending');
    const projection = await t.db.collection('cases').findOne({ _id: id as never });
    expect(projection?.seq).to.equal(1);
    // and the client's retry with its key answers the case the first attempt created
    const retry = await file('commit-cut-off', 'Commit cut off');
    expect(retry.status, retry.text).to.equal(201);
    expect(retry.body.id).to.equal(id);
  });
});
