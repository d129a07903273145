import { expect } from 'chai';
import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { bearer } from '../../support/caseApi.js';
import { manualClock } from '../../support/manualClock.js';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtpServer.js';
import { buildTestApp, login, seedDirectory, type TestApp } from '../../support/testApp.js';
import { testConfig } from '../../support/testConfig.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/** The link of a staff invitation mail (its plain-text part). */
function linkOf(mail: ParsedMail | undefined): string {
  const link = /https:\/\/sevenfold\.example\.cn\/staff-invitation\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '');
  if (!link) throw new Error(`no invitation link in ${mail?.text ?? 'no mail'}`);
  return link[1] as string;
}

/**
 * Staff invited by e-mail (issue 16): the supervisor or an organisation's lead creates an account
 * without a password; a single-use, expiring link is mailed through a real SMTP server on loopback;
 * the link sets the password and signs the staff member in, once.
 */
describe('staff invitations by e-mail: sent once, used once, expiring', function () {
  this.timeout(60_000);
  const t = useTestDatabase('staffinvite');
  const clock = manualClock('2026-05-04T02:00:00Z');
  let smtp: TestSmtpServer;
  let a: TestApp;
  const tok: Record<string, string> = {};
  const as = (who: string) => bearer(tok[who] as string);
  const audit = () => t.db.collection('audit_events');
  const password = 'Lantern-orchard-47-quietly';

  before(async () => {
    smtp = await startSmtpServer();
    await seedDirectory(t.db);
    a = buildTestApp(t.db, {
      now: clock.now,
      config: testConfig({
        SMTP_URL: smtp.url,
        PUBLIC_URL: 'https://sevenfold.example.cn',
        STAFF_INVITATION_TTL_HOURS: '48',
      }),
    });
    for (const who of ['admin', 'mediation-office', 'mediator'])
      tok[who] = await login(a.app, `${who}@demo.local`);
  });
  after(async () => {
    await smtp.close();
  });

  const sendMail = async () => {
    while ((await a.services.mailSender.tick()) > 0);
  };

  it('the supervisor invites a mediator: one mail with a link; the link sets the password and signs in, once', async () => {
    const created = await request(a.app)
      .post('/api/users')
      .set(as('admin'))
      .send({
        email: 'new.mediator@example.cn',
        invite: true,
        name: '林调解',
        role: 'mediator',
        orgId: 'org-zgc-mediation',
        expertise: ['trademark'],
      })
      .expect(201);
    expect(created.body).to.include({ invited: true, active: true, role: 'mediator' });
    const id = (created.body as { id: string }).id;

    await sendMail();
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').to.contain('new.mediator@example.cn');
    expect(mail?.subject).to.equal('【Sevenfold】邀请您加入知识产权纠纷平台');
    expect(mail?.text)
      .to.contain('林调解')
      .and.to.contain('北京中关村知识产权纠纷人民调解委员会'.slice(0, 2));
    const token = linkOf(mail);
    expect(mail?.html).to.contain(`href="https://sevenfold.example.cn/staff-invitation/${token}"`);
    // sent exactly once: further passes send nothing, and the stored mail no longer holds the link
    await sendMail();
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received).to.have.length(1);
    const stored = await t.db.collection('mail_outbox').findOne({ template: 'staffInvitation' });
    expect(stored?.state).to.equal('sent');
    expect(JSON.stringify(stored)).not.to.contain(token);
    // only its hash is kept
    expect(JSON.stringify(await t.db.collection('staff_invitations').find().toArray())).not.to.contain(token);

    // audited: the account and the invitation
    expect(await audit().countDocuments({ kind: 'user.create', 'target.id': id })).to.equal(1);
    expect(await audit().findOne({ kind: 'user.invite', 'target.id': id })).to.include({
      actorId: 'u-admin',
      orgId: 'org-zgc-mediation',
    });

    // no password works before the link is used
    await request(a.app)
      .post('/api/auth/login')
      .send({ email: 'new.mediator@example.cn', password })
      .expect(401);
    const check = await request(a.app).post('/api/staff-invitations/check').send({ token }).expect(200);
    expect(check.body).to.deep.equal({ name: '林调解', email: 'new.mediator@example.cn' });
    await request(a.app)
      .post('/api/staff-invitations/accept')
      .send({ token, password: 'password123' })
      .expect(400);
    const accepted = await request(a.app)
      .post('/api/staff-invitations/accept')
      .send({ token, password })
      .expect(200);
    const me = await request(a.app)
      .get('/api/auth/me')
      .set(bearer((accepted.body as { token: string }).token))
      .expect(200);
    expect((me.body as { user: { id: string } }).user.id).to.equal(id);
    await request(a.app)
      .post('/api/auth/login')
      .send({ email: 'new.mediator@example.cn', password })
      .expect(200);

    // used: the link says so, and does nothing
    const again = await request(a.app)
      .post('/api/staff-invitations/accept')
      .send({ token, password: 'Another-orchard-58-loudly' })
      .expect(422);
    expect(again.body.code).to.equal('staffInvitationUsed');
    expect(
      (await request(a.app).post('/api/staff-invitations/check').send({ token }).expect(422)).body.code,
    ).to.equal('staffInvitationUsed');
    await request(a.app)
      .post('/api/auth/login')
      .send({ email: 'new.mediator@example.cn', password })
      .expect(200);

    // no longer invited: nothing to resend
    const staff = await request(a.app).get('/api/users?orgId=org-zgc-mediation').set(as('admin')).expect(200);
    const row = (staff.body as { items: { id: string; invited: boolean }[] }).items.find((u) => u.id === id);
    expect(row?.invited).to.equal(false);
    const resend = await request(a.app).post(`/api/users/${id}/invitation`).set(as('admin')).expect(409);
    expect(resend.body.code).to.equal('staffNotInvited');
  });

  it('a lead invites their staff; a resend replaces the link; an expired link is refused', async () => {
    smtp.received.length = 0;
    const created = await request(a.app)
      .post('/api/users')
      .set(as('mediation-office'))
      .send({ email: 'second.mediator@example.cn', invite: true, name: 'Second Mediator', role: 'mediator' })
      .expect(201);
    const id = (created.body as { id: string }).id;
    await sendMail();
    const first = linkOf((await smtp.waitFor(1))[0]);

    // neither a password and an invitation, nor neither
    await request(a.app)
      .post('/api/users')
      .set(as('admin'))
      .send({ email: 'x@example.cn', invite: true, password, name: 'X', role: 'complainant' })
      .expect(422);
    await request(a.app)
      .post('/api/users')
      .set(as('admin'))
      .send({ email: 'x@example.cn', name: 'X', role: 'complainant' })
      .expect(422);
    // only the account's administrators resend
    await request(a.app).post(`/api/users/${id}/invitation`).set(as('mediator')).expect(403);
    await request(a.app).post('/api/users/u-admin/invitation').set(as('mediation-office')).expect(404);

    const resent = await request(a.app)
      .post(`/api/users/${id}/invitation`)
      .set(as('mediation-office'))
      .expect(200);
    expect(resent.body).to.include({ invited: true });
    await sendMail();
    const second = linkOf((await smtp.waitFor(2))[1]);
    expect(second).not.to.equal(first);
    expect(await audit().countDocuments({ kind: 'user.invite', 'target.id': id })).to.equal(2);
    // the replaced link no longer works
    const replaced = await request(a.app)
      .post('/api/staff-invitations/accept')
      .send({ token: first, password })
      .expect(422);
    expect(replaced.body.code).to.equal('staffInvitationExpired');

    // past its 48 hours, the new link is refused too, and the account stays invited
    clock.advance(48 * 3600_000 + 1000);
    const expired = await request(a.app)
      .post('/api/staff-invitations/accept')
      .send({ token: second, password })
      .expect(422);
    expect(expired.body.code).to.equal('staffInvitationExpired');
    await request(a.app)
      .post('/api/auth/login')
      .send({ email: 'second.mediator@example.cn', password })
      .expect(401);
    const unknown = await request(a.app)
      .post('/api/staff-invitations/check')
      .send({ token: 'A'.repeat(43) })
      .expect(422);
    expect(unknown.body.code).to.equal('staffInvitationUnknown');
    await request(a.app).post('/api/staff-invitations/check').send({ token: 'short' }).expect(422);
  });
});
