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

  // A message is its MESSAGE_POSTED event and its `messages` document, committed together. Before,
  // a server killed between the two left the message in the timeline but out of GET /messages.
  it('message whose document cannot be written: neither it nor its event is stored, and a retry posts it once', async () => {
    const filed = await file('message-case', 'Message case').expect(201);
    const id = filed.body.id as string;
    const messages = a.engine.store.models.cases.db.models.Message?.collection as unknown as Record<
      string,
      unknown
    >;
    messages.insertOne = () => {
      delete messages.insertOne; // once
      return Promise.reject(new MongoNetworkError('connection reset by the database'));
    };
    const post = () =>
      request(a.app)
        .post(`/api/cases/${id}/messages`)
        .set('Authorization', `Bearer ${token}`)
        .send({ body: 'Posted when the database went away', visibility: 'joint' });
    try {
      expect((await post()).status).to.equal(503);
    } finally {
      delete messages.insertOne;
    }
    const posted = (t: string) => t === 'MESSAGE_POSTED';
    const events = await t.db.collection('case_events').find({ caseId: id }).toArray();
    expect(events.filter((e) => posted(String(e.type)))).to.have.length(0);
    expect(await t.db.collection('messages').countDocuments({ caseId: id })).to.equal(0);
    const retry = await post().expect(201);
    const list = await request(a.app)
      .get(`/api/cases/${id}/messages`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(list.body.items).to.deep.equal([retry.body]);
  });

  // A commit is one transaction (event and projection), then the effects (clocks, organisation,
  // mediator). A database that goes away inside the transaction stores nothing; one that goes away
  // during the effects leaves the case marked pending, and the server finishes them by itself.
  it('commit cut off inside its transaction: nothing is stored, and the retry files the case once', async () => {
    // the commit's batch of writes (the event, the case, its tokens and tallies: one round trip) is cut off
    const client = t.db.getClient() as unknown as Record<string, unknown>;
    const save = client.bulkWrite;
    client.bulkWrite = () => {
      delete client.bulkWrite; // once
      return Promise.reject(new MongoNetworkError('connection reset by the database'));
    };
    try {
      const res = await file('commit-cut-off', 'Commit cut off');
      expect(res.status).to.equal(503);
    } finally {
      if (client.bulkWrite !== save) delete client.bulkWrite;
    }
    expect(await filedEventsTitled('Commit cut off')).to.equal(0);
    expect(await casesTitled('Commit cut off')).to.equal(0);
    const retry = await file('commit-cut-off', 'Commit cut off');
    expect(retry.status, retry.text).to.equal(201);
    expect(await filedEventsTitled('Commit cut off')).to.equal(1);
    expect(await casesTitled('Commit cut off')).to.equal(1);
  });

  it('a clock that cannot be stored fails the whole commit: nothing is stored, the retry files it once', async () => {
    const deadlines = t.db.collection('deadlines');
    const ClockRuns = a.engine.store.models.cases.db.models.ClockRun?.collection as unknown as Record<
      string,
      unknown
    >;
    const save = ClockRuns.insertMany;
    ClockRuns.insertMany = () => {
      delete ClockRuns.insertMany; // once
      return Promise.reject(new MongoNetworkError('connection reset by the database'));
    };
    try {
      const res = await file('clock-cut-off', 'Clock cut off');
      expect(res.status, res.text).to.equal(503);
    } finally {
      if (ClockRuns.insertMany !== save) delete ClockRuns.insertMany;
    }
    expect(await filedEventsTitled('Clock cut off')).to.equal(0);
    expect(await casesTitled('Clock cut off')).to.equal(0);
    const retry = await file('clock-cut-off', 'Clock cut off');
    expect(retry.status, retry.text).to.equal(201);
    const id = String(retry.body.id);
    expect(await filedEventsTitled('Clock cut off')).to.equal(1);
    expect(await a.engine.store.pendingEffects()).to.deep.equal([]);
    const deadline = await deadlines.findOne({ caseId: id, clock: 'screeningDecision' });
    expect(deadline?.state).to.equal('pending');
  });
});
