import { expect } from 'chai';
import request from 'supertest';
import { mailOutboxModel } from '../../../server/mail/mailOutboxModel.js';
import { bearer } from '../../support/caseApi.js';
import { fromAddress } from '../../support/clientAddress.js';
import { manualClock } from '../../support/manualClock.js';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtpServer.js';
import { testConfig } from '../../support/testConfig.js';
import { buildTestApp, login, seedDirectory } from '../../support/testApp.js';
import { connected, startTestServer, type TestServer } from '../../support/testServer.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const NEW_PASSWORD = 'Lantern-orchard-47-quietly';
const PUBLIC = 'https://sevenfold.example.cn';

/** The reset token of a mail's link. */
const tokenOf = (text: string) => /\/reset-password\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';

describe('accounts that last a working day (issue 12)', function () {
  this.timeout(60_000);

  describe('password reset by e-mail', () => {
    const t = useTestDatabase('pwreset');
    let smtp: TestSmtpServer;
    let s: TestServer;
    before(async () => {
      smtp = await startSmtpServer();
      await seedDirectory(t.db);
      s = await startTestServer(t.db, {
        config: testConfig({ SMTP_URL: smtp.url, PUBLIC_URL: PUBLIC, PASSWORD_RESET_PER_HOUR: '3' }),
      });
    });
    after(async () => {
      await s?.close();
      await smtp?.close();
    });

    it('answers the same whether or not the e-mail has an account, and mails only the account', async () => {
      const known = await request(s.app)
        .post('/api/auth/password-reset')
        .send({ email: 'arbitrator@demo.local' });
      const unknown = await request(s.app)
        .post('/api/auth/password-reset')
        .send({ email: 'nobody@demo.local' });
      expect(known.status).to.equal(202);
      expect(unknown.status).to.equal(202);
      expect(unknown.body).to.deep.equal(known.body);
      const [mail] = await smtp.waitFor(1);
      await new Promise((r) => setTimeout(r, 1500));
      expect(smtp.received).to.have.length(1);
      expect((mail?.to as { text: string }).text).to.equal('arbitrator@demo.local');
      expect(mail?.subject).to.equal('【Sevenfold】重置密码');
      expect(mail?.text).to.match(new RegExp(`${PUBLIC}/reset-password/[A-Za-z0-9_-]{43}`));
    });

    it('sets the new password once: the link works a single time, and the token is stored hashed', async () => {
      const token = tokenOf(smtp.received[0]?.text ?? '');
      const stored = JSON.stringify(await t.db.collection('password_resets').find().toArray());
      expect(stored).to.not.contain(token);
      // once sent, the outbox keeps no copy of the link either
      const row = await mailOutboxModel(t.db).findOne({ template: 'passwordReset', state: 'sent' }).lean();
      expect(JSON.stringify(row)).to.not.contain(token);
      await request(s.app)
        .post('/api/auth/password-reset/confirm')
        .send({ token, password: 'password123' })
        .expect(400);
      await request(s.app)
        .post('/api/auth/password-reset/confirm')
        .send({ token, password: NEW_PASSWORD })
        .expect(204);
      await login(s.app, 'arbitrator@demo.local', NEW_PASSWORD);
      const again = await request(s.app)
        .post('/api/auth/password-reset/confirm')
        .send({ token, password: `${NEW_PASSWORD}-2` })
        .expect(422);
      expect(again.body.code).to.equal('resetLinkInvalid');
      await request(s.app)
        .post('/api/auth/login')
        .send({ email: 'arbitrator@demo.local', password: 'sevenfold-demo' })
        .expect(401);
    });

    it('limits requests per e-mail, whether or not it has an account, and per client address (429)', async () => {
      // three addresses, one e-mail: the e-mail's budget (3 an hour) runs out
      for (const from of ['127.0.0.2', '127.0.0.3', '127.0.0.4']) {
        await request(s.url)
          .post('/api/auth/password-reset')
          .agent(fromAddress(from))
          .send({ email: 'ghost@demo.local' })
          .expect(202);
      }
      const res = await request(s.url)
        .post('/api/auth/password-reset')
        .agent(fromAddress('127.0.0.5'))
        .send({ email: 'ghost@demo.local' });
      expect(res.status).to.equal(429);
      expect(Number(res.headers['retry-after'])).to.be.greaterThan(0);
      // one address, other e-mails: the address's budget runs out (it made two requests above)
      const one = fromAddress('127.0.0.2');
      for (const email of ['a1@demo.local', 'a2@demo.local'])
        await request(s.url).post('/api/auth/password-reset').agent(one).send({ email }).expect(202);
      await request(s.url)
        .post('/api/auth/password-reset')
        .agent(one)
        .send({ email: 'a3@demo.local' })
        .expect(429);
    });
  });

  describe('an expired reset link', () => {
    const t = useTestDatabase('pwexpiry');
    it('does not work after PASSWORD_RESET_TTL_MINUTES', async () => {
      await seedDirectory(t.db);
      const clock = manualClock('2026-12-01T08:00:00Z');
      const { app, services } = buildTestApp(t.db, { now: clock.now });
      await request(app).post('/api/auth/password-reset').send({ email: 'court@demo.local' }).expect(202);
      let row = null;
      for (let i = 0; i < 100 && !row; i++) {
        row = await mailOutboxModel(t.db).findOne({ template: 'passwordReset' }).lean();
        if (!row) await new Promise((r) => setTimeout(r, 20));
      }
      await services.mailSender.tick(); // no SMTP: kept in the local outbox
      const token = tokenOf(row?.text ?? '');
      expect(token).to.have.length(43);
      clock.advance(31 * 60_000);
      const res = await request(app)
        .post('/api/auth/password-reset/confirm')
        .send({ token, password: NEW_PASSWORD });
      expect(res.status).to.equal(422);
      await login(app, 'court@demo.local');
    });
  });

  describe('sessions: change password, refresh, sign out everywhere', () => {
    const t = useTestDatabase('sessions');
    let s: TestServer;
    before(async () => {
      await seedDirectory(t.db);
      s = await startTestServer(t.db);
    });
    after(() => s?.close());

    it('changes the password with the current one; other sessions end, this one goes on', async () => {
      const here = await login(s.app, 'mediator2@demo.local');
      const elsewhere = await login(s.app, 'mediator2@demo.local');
      await request(s.app)
        .post('/api/auth/password')
        .set(bearer(here))
        .send({ currentPassword: 'wrong-password-1', password: NEW_PASSWORD })
        .expect(403);
      await request(s.app)
        .post('/api/auth/password')
        .set(bearer(here))
        .send({ currentPassword: 'sevenfold-demo', password: 'password123' })
        .expect(400);
      const changed = await request(s.app)
        .post('/api/auth/password')
        .set(bearer(here))
        .send({ currentPassword: 'sevenfold-demo', password: NEW_PASSWORD })
        .expect(200);
      await request(s.app).get('/api/auth/me').set(bearer(elsewhere)).expect(401);
      await request(s.app).get('/api/auth/me').set(bearer(here)).expect(401);
      await request(s.app)
        .get('/api/auth/me')
        .set(bearer(changed.body.token as string))
        .expect(200);
      await login(s.app, 'mediator2@demo.local', NEW_PASSWORD);
    });

    it('refreshes a session in use: a new token that expires later, of the same session', async () => {
      const clock = manualClock(new Date());
      const app = buildTestApp(t.db, { now: clock.now }).app;
      const first = await request(app)
        .post('/api/auth/login')
        .send({ email: 'complainant@demo.local', password: 'sevenfold-demo' })
        .expect(200);
      clock.advance(50 * 60_000); // 50 of the 60 minutes
      const renewed = await request(app)
        .post('/api/auth/refresh')
        .set(bearer(first.body.token as string))
        .expect(200);
      expect(
        Date.parse(renewed.body.expiresAt as string) - Date.parse(first.body.expiresAt as string),
      ).to.equal(50 * 60_000);
      clock.advance(30 * 60_000); // past the first token's end, within the renewed one's
      await request(app)
        .get('/api/auth/me')
        .set(bearer(first.body.token as string))
        .expect(401);
      await request(app)
        .get('/api/auth/me')
        .set(bearer(renewed.body.token as string))
        .expect(200);
      await request(app).post('/api/auth/refresh').expect(401);
    });

    it('signs out everywhere: every token stops working and open sockets are disconnected', async () => {
      const a = await login(s.app, 'respondent@demo.local');
      const b = await login(s.app, 'respondent@demo.local');
      const socket = s.socket(b);
      await connected(socket);
      const gone = new Promise<string>((resolve) => socket.on('disconnect', (reason) => resolve(reason)));
      const ended = new Promise<unknown>((resolve) => socket.on('session:ended', resolve));
      await request(s.app).post('/api/auth/sign-out-everywhere').set(bearer(a)).expect(204);
      expect(await gone).to.equal('io server disconnect');
      expect(await Promise.race([ended, new Promise((r) => setTimeout(() => r('none'), 500))])).to.deep.equal(
        {
          reason: 'signedOutEverywhere',
        },
      );
      await request(s.app).get('/api/auth/me').set(bearer(a)).expect(401);
      await request(s.app).get('/api/auth/me').set(bearer(b)).expect(401);
      await request(s.app).post('/api/auth/refresh').set(bearer(b)).expect(401);
      // the old token cannot open a socket any more either
      const again = s.socket(b);
      const refused = await connected(again).then(
        () => 'connected',
        (err: Error) => err.message,
      );
      expect(refused).to.match(/unauthorized/);
      const fresh = await login(s.app, 'respondent@demo.local');
      await request(s.app).get('/api/auth/me').set(bearer(fresh)).expect(200);
    });
  });
});
