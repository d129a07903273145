import { expect } from 'chai';
import request from 'supertest';
import { createTokenService } from '../../../server/auth/tokenService.js';
import { userModel } from '../../../server/users/userModel.js';
import { actViaApi, bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { login, seedDirectory } from '../../support/testApp.js';
import { collect, disconnected, emitAck, pause } from '../../support/socketEvents.js';
import { connected, startTestServer, type ClientSocket, type TestServer } from '../../support/testServer.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/** The secret `buildTestApp` signs tokens with. */
const TEST_SECRET = 'test-secret-test-secret-test-secret-0123';

describe('realtime: a socket does not outlive its session', function () {
  this.timeout(30_000);
  const t = useTestDatabase('rtsession');
  let s: TestServer;
  const tok: Record<string, string> = {};
  let caseId: string;

  before(async () => {
    await seedDirectory(t.db);
    s = await startTestServer(t.db);
    for (const who of ['complainant', 'respondent', 'mediator', 'admin']) {
      tok[who] = await login(s.app, `${who}@demo.local`);
    }
    caseId = await fileCaseViaApi(s.app, tok.complainant!, mediationComplaint('Sessions'));
    await actViaApi(s.app, tok.admin!, caseId, { type: 'ACCEPT' });
    await actViaApi(s.app, tok.admin!, caseId, { type: 'ROUTE', channel: 'mediation' });
    await actViaApi(s.app, tok.mediator!, caseId, { type: 'ACCEPT_ASSIGNMENT' });
  });
  after(() => s?.close());

  async function subscribed(token: string): Promise<ClientSocket> {
    const sock = s.socket(token);
    await connected(sock);
    const ack = await emitAck<{ data?: unknown }>(sock, 'case:subscribe', { caseId, afterSeq: 0 });
    expect(ack.data).to.not.equal(undefined);
    return sock;
  }

  const messages = async () =>
    (await request(s.app).get(`/api/cases/${caseId}/messages`).set(bearer(tok.mediator!)).expect(200)).body
      .items as { body: string }[];

  it('disconnects a socket when its token expires; it can neither post nor reconnect', async () => {
    const shortLived = createTokenService(TEST_SECRET, 2);
    const { token, expiresAt } = await shortLived.issue('u-complainant', 'complainant');
    const sock = await subscribed(token);
    const gone = disconnected(sock, 5000);
    const reason = await gone;
    expect(reason).to.equal('io server disconnect');
    expect(Date.now()).to.be.at.least(expiresAt.getTime() - 50);
    await request(s.app).get('/api/auth/me').set(bearer(token)).expect(401);
    // the socket's buffered message never reaches the server, and the token cannot connect again
    sock.emit('message:send', { caseId, body: 'after my session', visibility: 'joint' }, () => undefined);
    sock.connect();
    const err = await connected(sock).then(
      () => undefined,
      (e: Error & { data?: { status: number } }) => e,
    );
    expect(err?.message).to.match(/unauthorized/);
    expect(err?.data?.status).to.equal(401);
    await pause(200);
    expect((await messages()).map((m) => m.body)).to.not.include('after my session');
  });

  it('disconnects every socket of an account an admin disables; it gets no more pushes', async () => {
    const [first, second] = [await subscribed(tok.respondent!), await subscribed(tok.respondent!)];
    const mediator = await subscribed(tok.mediator!);
    const pushed = [first!, second!].flatMap((sock) => [
      collect(sock, 'message:new'),
      collect(sock, 'case:event'),
    ]);
    const gone = Promise.all([disconnected(first!), disconnected(second!)]);
    await request(s.app)
      .patch('/api/users/u-respondent')
      .set(bearer(tok.admin!))
      .send({ active: false })
      .expect(200);
    expect(await gone).to.deep.equal(['io server disconnect', 'io server disconnect']);
    const sent = await emitAck<{ data?: unknown }>(mediator, 'message:send', {
      caseId,
      body: 'Only for the parties still here',
      visibility: 'joint',
    });
    expect(sent.data).to.not.equal(undefined);
    await pause(300);
    expect(pushed.flat()).to.deep.equal([]);
    await request(s.app).get('/api/auth/me').set(bearer(tok.respondent!)).expect(401);

    await request(s.app)
      .patch('/api/users/u-respondent')
      .set(bearer(tok.admin!))
      .send({ active: true })
      .expect(200);
    mediator.disconnect();
  });

  it('answers the next event 401 and disconnects when the account was disabled another way', async () => {
    const sock = await subscribed(tok.complainant!);
    await userModel(t.db).updateOne({ _id: 'u-complainant' }, { $set: { active: false } });
    try {
      const gone = disconnected(sock);
      const refused = await emitAck<{ data?: unknown; error?: { status: number } }>(sock, 'message:send', {
        caseId,
        body: 'posted by a disabled account',
        visibility: 'joint',
      });
      expect(refused.error?.status).to.equal(401);
      expect(await gone).to.equal('io server disconnect');
      expect((await messages()).map((m) => m.body)).to.not.include('posted by a disabled account');
    } finally {
      await userModel(t.db).updateOne({ _id: 'u-complainant' }, { $set: { active: true } });
    }
  });

  it('lets only an admin disable an account, never their own', async () => {
    await request(s.app)
      .patch('/api/users/u-respondent')
      .set(bearer(tok.mediator!))
      .send({ active: false })
      .expect(403);
    await request(s.app)
      .patch('/api/users/u-admin')
      .set(bearer(tok.admin!))
      .send({ active: false })
      .expect(403);
    await request(s.app)
      .patch('/api/users/u-nobody')
      .set(bearer(tok.admin!))
      .send({ active: false })
      .expect(404);
    await request(s.app)
      .patch('/api/users/u-respondent')
      .set(bearer(tok.admin!))
      .send({ active: 'no' })
      .expect(422);
  });
});
