import { expect } from 'chai';
import request from 'supertest';
import type { CaseEventPush, PresencePush } from '../../../shared/realtime/contract.js';
import { smallTrademarkMediation } from '../../fixtures/complaints.js';
import { login, seedDirectory } from '../../support/testApp.js';
import { connected, startTestServer, type ClientSocket, type TestServer } from '../../support/testServer.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const tea = {
  ...smallTrademarkMediation,
  respondent: { ...smallTrademarkMediation.respondent, email: 'respondent@demo.local' },
};

const emitAck = <T>(socket: ClientSocket, event: string, payload: unknown): Promise<T> =>
  new Promise((resolve) => {
    (socket.emit as (e: string, p: unknown, ack: (res: T) => void) => void)(event, payload, resolve);
  });

const waitFor = <T>(
  socket: ClientSocket,
  event: string,
  pred: (p: T) => boolean = () => true,
  ms = 5000,
): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    const on = (p: T) => {
      if (!pred(p)) return;
      clearTimeout(timer);
      (socket.off as (e: string, f: unknown) => void)(event, on);
      resolve(p);
    };
    (socket.on as (e: string, f: unknown) => void)(event, on);
  });

describe('realtime: live case updates over Socket.IO', function () {
  this.timeout(30_000);
  const t = useTestDatabase('realtime');
  let s: TestServer;
  const tok: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });

  before(async () => {
    await seedDirectory(t.db);
    s = await startTestServer(t.db);
    for (const who of ['complainant', 'complainant2', 'respondent', 'mediator', 'admin', 'court']) {
      tok[who] = await login(s.app, `${who}@demo.local`);
    }
  });
  after(() => s?.close());

  async function mediationCase(): Promise<string> {
    const filed = await request(s.app).post('/api/cases').set(as('complainant')).send(tea).expect(201);
    const id = filed.body.id as string;
    await request(s.app)
      .post(`/api/cases/${id}/actions`)
      .set(as('admin'))
      .send({ type: 'ACCEPT' })
      .expect(200);
    await request(s.app)
      .post(`/api/cases/${id}/actions`)
      .set(as('admin'))
      .send({ type: 'ROUTE', channel: 'mediation' })
      .expect(200);
    return id;
  }

  it('refuses a socket with a forged or missing token (connect_error)', async () => {
    const forged = s.socket('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LWFkbWluIn0.forged-signature');
    const err = await connected(forged).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(err?.message).to.match(/unauthorized/);
    const none = s.socket('');
    expect(
      await connected(none).then(
        () => 'connected',
        () => 'refused',
      ),
    ).to.equal('refused');
  });

  it('pushes a new assignment to the mediator, and each event of a subscribed case with its seq', async () => {
    const mediator = s.socket(tok.mediator!);
    await connected(mediator);
    const assignment = waitFor<{ caseId: string; role: string }>(mediator, 'assignment:new');
    const id = await mediationCase();
    expect(await assignment).to.include({ caseId: id, role: 'mediator' });

    const ack = await emitAck<{ data?: { events: { seq: number }[]; seq: number } }>(
      mediator,
      'case:subscribe',
      { caseId: id, afterSeq: 0 },
    );
    // filing, acceptance, routing, the organisation, the mediator, the respondent's invitation
    expect(ack.data?.seq).to.equal(6);
    expect(ack.data?.events.map((e) => e.seq)).to.deep.equal([1, 2, 3, 4, 5, 6]);

    const pushed = waitFor<CaseEventPush>(mediator, 'case:event', (p) => p.caseId === id);
    const res = await request(s.app)
      .post(`/api/cases/${id}/actions`)
      .set(as('mediator'))
      .send({ type: 'ACCEPT_ASSIGNMENT' })
      .expect(200);
    const push = await pushed;
    expect(push).to.include({
      caseId: id,
      seq: res.body.seq,
      type: 'ACCEPT_ASSIGNMENT',
      stage: res.body.stage,
    });
    expect(push.event.hash).to.be.a('string');
    mediator.disconnect();
  });

  it('answers a subscription with a seq no older than the events it returns, then pushes the next', async () => {
    const id = await mediationCase();
    const mediator = s.socket(tok.mediator!);
    await connected(mediator);
    const pushes: number[] = [];
    (mediator.on as (e: string, f: (p: CaseEventPush) => void) => void)('case:event', (p) => {
      if (p.caseId === id) pushes.push(p.seq);
    });
    const cases = s.services.cases;
    const events = cases.events;
    let accepted = 0;
    // an action commits after the subscription read the case, before it read the events
    cases.events = async (...args) => {
      cases.events = events;
      const res = await request(s.app)
        .post(`/api/cases/${id}/actions`)
        .set(as('mediator'))
        .send({ type: 'ACCEPT_ASSIGNMENT' })
        .expect(200);
      accepted = res.body.seq as number;
      return events(...args);
    };
    try {
      const ack = await emitAck<{ data?: { events: { seq: number }[]; seq: number } }>(
        mediator,
        'case:subscribe',
        { caseId: id, afterSeq: 0 },
      );
      const seqs = ack.data?.events.map((e) => e.seq) ?? [];
      expect(seqs).to.deep.equal(seqs.map((_, i) => i + 1));
      expect(seqs).to.include(accepted);
      expect(ack.data?.seq, "the answer's seq").to.equal(seqs.at(-1));
      const consent = waitFor<CaseEventPush>(
        mediator,
        'case:event',
        (p) => p.caseId === id && p.type === 'CONSENT',
      );
      await request(s.app)
        .post(`/api/cases/${id}/actions`)
        .set(as('respondent'))
        .send({ type: 'CONSENT' })
        .expect(200);
      await consent;
      // every push after the answer follows it with no gap (a document issued meanwhile included)
      const after = pushes.filter((seq) => seq > ack.data!.seq);
      expect(after).to.deep.equal(after.map((_, i) => ack.data!.seq + 1 + i));
    } finally {
      cases.events = events;
      mediator.disconnect();
    }
  });

  it('pushes a routing and the assignments it causes strictly in seq order, with no gap', async () => {
    const filed = await request(s.app).post('/api/cases').set(as('complainant')).send(tea).expect(201);
    const id = filed.body.id as string;
    const complainant = s.socket(tok.complainant!);
    await connected(complainant);
    const seqs: number[] = [];
    (complainant.on as (e: string, f: (p: CaseEventPush) => void) => void)('case:event', (p) => {
      if (p.caseId === id) seqs.push(p.seq);
    });
    const ack = await emitAck<{ data?: { seq: number } }>(complainant, 'case:subscribe', {
      caseId: id,
      afterSeq: 1,
    });
    expect(ack.data?.seq).to.equal(1);
    const assigned = waitFor<CaseEventPush>(
      complainant,
      'case:event',
      (p) => p.caseId === id && p.type === 'INVITATION_SENT',
    );
    for (const type of ['ACCEPT', 'ROUTE']) {
      await request(s.app)
        .post(`/api/cases/${id}/actions`)
        .set(as('admin'))
        .send(type === 'ROUTE' ? { type, channel: 'mediation' } : { type })
        .expect(200);
    }
    await assigned;
    // ACCEPT, ROUTE, then what routing caused: the organisation, the mediator, the respondent's invitation
    expect(seqs).to.deep.equal([2, 3, 4, 5, 6]);
    complainant.disconnect();
  });

  it('answers a long catch-up in parts: an answer cut short says so and stops at its last event', async () => {
    const id = await mediationCase(); // filed, accepted, routed and what routing caused: 6 events
    const small = await startTestServer(t.db, { subscribeEventsMax: 4 });
    const sock = small.socket(tok.complainant!);
    try {
      await connected(sock);
      type Answer = { data?: { events: { seq: number }[]; seq: number; more: boolean } };
      const first = await emitAck<Answer>(sock, 'case:subscribe', { caseId: id, afterSeq: 0 });
      expect(first.data?.events.map((e) => e.seq)).to.deep.equal([1, 2, 3, 4]);
      expect(first.data).to.include({ seq: 4, more: true });
      // the client asks again from the answer's seq and gets the rest, up to the case's head
      const rest = await emitAck<Answer>(sock, 'case:subscribe', { caseId: id, afterSeq: first.data!.seq });
      expect(rest.data?.events.map((e) => e.seq)).to.deep.equal([5, 6]);
      expect(rest.data).to.include({ seq: 6, more: false });
      // exactly as many events as the answer holds is not cut short
      const four = await emitAck<Answer>(sock, 'case:subscribe', { caseId: id, afterSeq: 2 });
      expect(four.data?.events.map((e) => e.seq)).to.deep.equal([3, 4, 5, 6]);
      expect(four.data).to.include({ seq: 6, more: false });
    } finally {
      sock.disconnect();
      await small.close();
    }
  });

  it('after missing 20 events, a reconnecting client gets exactly those 20, in order', async () => {
    const id = await mediationCase();
    await request(s.app)
      .post(`/api/cases/${id}/actions`)
      .set(as('mediator'))
      .send({ type: 'ACCEPT_ASSIGNMENT' })
      .expect(200);
    await request(s.app)
      .post(`/api/cases/${id}/actions`)
      .set(as('respondent'))
      .send({ type: 'CONSENT' })
      .expect(200);
    const first = s.socket(tok.complainant!);
    const sub = await emitAck<{ data: { seq: number } }>(first, 'case:subscribe', {
      caseId: id,
      afterSeq: 0,
    });
    const seen = sub.data.seq;
    first.disconnect();

    for (let i = 0; i < 20; i++) {
      await request(s.app)
        .post(`/api/cases/${id}/actions`)
        .set(as('mediator'))
        .send({ type: 'RECORD_SESSION', notes: `session ${i}` })
        .expect(200);
    }
    const again = s.socket(tok.complainant!);
    const catchUp = await emitAck<{ data: { events: { seq: number; type: string }[]; seq: number } }>(
      again,
      'case:subscribe',
      {
        caseId: id,
        afterSeq: seen,
      },
    );
    expect(catchUp.data.events).to.have.length(20);
    expect(catchUp.data.events.map((e) => e.seq)).to.deep.equal(
      Array.from({ length: 20 }, (_, i) => seen + 1 + i),
    );
    expect(catchUp.data.events.every((e) => e.type === 'RECORD_SESSION')).to.equal(true);
    expect(catchUp.data.seq).to.equal(seen + 20);
    again.disconnect();
  });

  it('refuses a subscription to a case the user may not see, and delivers nothing of it', async () => {
    const id = await mediationCase();
    const outsider = s.socket(tok.court!);
    const other = s.socket(tok.complainant2!);
    await Promise.all([connected(outsider), connected(other)]);
    const refused = await emitAck<{ error?: { status: number } }>(outsider, 'case:subscribe', {
      caseId: id,
      afterSeq: 0,
    });
    expect(refused.error?.status).to.equal(404);
    const received: unknown[] = [];
    for (const sock of [outsider, other]) {
      sock.on('case:event', (p) => received.push(p));
      sock.on('assignment:new', (p) => received.push(p));
      sock.on('queue:changed', (p) => received.push(p));
    }
    await request(s.app)
      .post(`/api/cases/${id}/actions`)
      .set(as('mediator'))
      .send({ type: 'ACCEPT_ASSIGNMENT' })
      .expect(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(received).to.deep.equal([]);
    outsider.disconnect();
    other.disconnect();
  });

  it('answers bad payloads and unknown events with error acks and stays up', async () => {
    const sock = s.socket(tok.complainant!);
    await connected(sock);
    const bad = await emitAck<{ error?: { status: number } }>(sock, 'case:subscribe', {
      caseId: { $ne: null },
    });
    expect(bad.error?.status).to.equal(422);
    const unknown = await emitAck<{ error?: { status: number } }>(sock, 'case:explode', { x: 1 });
    expect(unknown.error?.status).to.equal(404);
    const typingUnsubscribed = await emitAck<{ error?: { status: number } }>(sock, 'message:typing', {
      caseId: 'abc',
      visibility: 'joint',
      typing: true,
    });
    expect(typingUnsubscribed.error?.status).to.equal(409);
    expect(sock.connected).to.equal(true);
    await request(s.app).get('/healthz').expect(200);
    sock.disconnect();
  });

  it('shows who is present on a case: the full list in the subscribe ack, then changes', async () => {
    const id = await mediationCase();
    const mediator = s.socket(tok.mediator!);
    const complainant = s.socket(tok.complainant!);
    await emitAck(mediator, 'case:subscribe', { caseId: id, afterSeq: 0 });
    const presence = waitFor<PresencePush>(mediator, 'presence:changed', (p) => p.joined.length > 0);
    const ack = await emitAck<{ data: { presence: { online: { id: string }[] } } }>(
      complainant,
      'case:subscribe',
      { caseId: id, afterSeq: 0 },
    );
    expect(ack.data.presence.online.map((u) => u.id).sort()).to.deep.equal(['u-complainant', 'u-mediator']);
    const joined = await presence;
    expect(joined.joined.map((u) => u.id)).to.deep.equal(['u-complainant']);
    expect(joined.left).to.deep.equal([]);
    const left = waitFor<PresencePush>(mediator, 'presence:changed', (p) => p.left.length > 0);
    complainant.disconnect();
    expect(await left).to.deep.include({ caseId: id, joined: [], left: ['u-complainant'] });
    mediator.disconnect();
  });

  it('sends messages over the socket with an ack; a caucus message reaches only its party and the mediator', async () => {
    const id = await mediationCase();
    await request(s.app)
      .post(`/api/cases/${id}/actions`)
      .set(as('mediator'))
      .send({ type: 'ACCEPT_ASSIGNMENT' })
      .expect(200);
    const [mediator, complainant, respondent] = ['mediator', 'complainant', 'respondent'].map((w) =>
      s.socket(tok[w]!),
    );
    for (const sock of [mediator!, complainant!, respondent!]) {
      const ack = await emitAck<{ data?: unknown }>(sock, 'case:subscribe', { caseId: id, afterSeq: 0 });
      expect(ack.data).to.not.equal(undefined);
    }
    const respondentGot: { body: string }[] = [];
    respondent!.on('message:new', (m) => respondentGot.push(m));
    const respondentEvents: CaseEventPush[] = [];
    respondent!.on('case:event', (p) => respondentEvents.push(p));

    const mediatorGets = waitFor<{ body: string; visibility: string }>(
      mediator!,
      'message:new',
      (m) => m.visibility === 'caucus:complainant',
    );
    const sent = await emitAck<{ data?: { id: string; seq: number; visibility: string } }>(
      complainant!,
      'message:send',
      {
        caseId: id,
        body: '  Our lowest figure is CNY 40,000.  ',
        visibility: 'caucus:complainant',
      },
    );
    expect(sent.data).to.include({ visibility: 'caucus:complainant' });
    expect((await mediatorGets).body).to.equal('Our lowest figure is CNY 40,000.');

    const jointToRespondent = waitFor<{ body: string }>(
      respondent!,
      'message:new',
      (m) => m.body === 'Shall we meet on Monday?',
    );
    const joint = await emitAck<{ data?: { seq: number } }>(mediator!, 'message:send', {
      caseId: id,
      body: 'Shall we meet on Monday?',
      visibility: 'joint',
    });
    await jointToRespondent;
    expect(respondentGot.map((m) => m.body)).to.deep.equal(['Shall we meet on Monday?']);
    expect(respondentEvents.map((e) => e.seq)).to.deep.equal([joint.data!.seq]);

    const refused = await emitAck<{ error?: { status: number } }>(respondent!, 'message:send', {
      caseId: id,
      body: 'let me in',
      visibility: 'caucus:complainant',
    });
    expect(refused.error?.status).to.equal(403);
    const tooLong = await emitAck<{ error?: { status: number } }>(complainant!, 'message:send', {
      caseId: id,
      body: 'x'.repeat(5000),
      visibility: 'joint',
    });
    expect(tooLong.error?.status).to.equal(422);

    const typing = waitFor<{ typing: boolean }>(mediator!, 'message:typing');
    await emitAck(complainant!, 'message:typing', {
      caseId: id,
      visibility: 'caucus:complainant',
      typing: true,
    });
    expect((await typing).typing).to.equal(true);
    for (const sock of [mediator!, complainant!, respondent!]) sock.disconnect();
  });
});
