import { expect } from 'chai';
import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import type { NotificationPush } from '../../../shared/realtime/contract.js';
import type { NotificationPage } from '../../../shared/notifications/notificationView.js';
import { mailOutboxModel } from '../../../server/mail/mailOutboxModel.js';
import { notificationModel } from '../../../server/notifications/notificationModel.js';
import { bearer, mediationComplaint } from '../../support/caseApi.js';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtpServer.js';
import { emitAck, waitFor } from '../../support/socketEvents.js';
import { testConfig } from '../../support/testConfig.js';
import { login, seedDirectory } from '../../support/testApp.js';
import { connected, startTestServer, type TestServer } from '../../support/testServer.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const PUBLIC = 'https://sevenfold.example.cn';

describe('notifications (issue 12): in the app, live, and by e-mail through real SMTP', function () {
  this.timeout(60_000);
  const t = useTestDatabase('notifications');
  let smtp: TestSmtpServer;
  let s: TestServer;
  const tok: Record<string, string> = {};
  const as = (who: string) => bearer(tok[who] as string);
  const mailsTo = (address: string) =>
    smtp.received.filter((m) => (m.to as { text: string } | undefined)?.text === address);
  async function mailTo(address: string, pred: (m: ParsedMail) => boolean = () => true): Promise<ParsedMail> {
    const until = Date.now() + 15_000;
    for (;;) {
      const found = mailsTo(address).find(pred);
      if (found) return found;
      if (Date.now() > until) throw new Error(`no mail to ${address}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const list = async (who: string) =>
    (await request(s.app).get('/api/notifications').set(as(who)).expect(200)).body as NotificationPage;

  before(async () => {
    smtp = await startSmtpServer();
    await seedDirectory(t.db);
    s = await startTestServer(t.db, { config: testConfig({ SMTP_URL: smtp.url, PUBLIC_URL: PUBLIC }) });
    for (const who of ['complainant', 'respondent', 'mediator', 'admin'])
      tok[who] = await login(s.app, `${who}@demo.local`);
  });
  after(async () => {
    await s?.close();
    await smtp?.close();
  });

  let caseId = '';

  it('tells the mediator of the assignment, in the app and by a Chinese mail linking to the case', async () => {
    const filed = await request(s.app)
      .post('/api/cases')
      .set(as('complainant'))
      .send(mediationComplaint('Tea packaging'))
      .expect(201);
    caseId = filed.body.id as string;
    await request(s.app)
      .post(`/api/cases/${caseId}/actions`)
      .set(as('admin'))
      .send({ type: 'ACCEPT' })
      .expect(200);
    await request(s.app)
      .post(`/api/cases/${caseId}/actions`)
      .set(as('admin'))
      .send({ type: 'ROUTE', channel: 'mediation' })
      .expect(200);
    const page = await list('mediator');
    const assignment = page.items.find((n) => n.kind === 'assignment' && n.caseId === caseId);
    expect(assignment, JSON.stringify(page.items)).to.include({ caseId, readAt: null });
    expect(assignment?.data).to.deep.equal({ role: 'mediator' });
    expect(page.unread).to.be.greaterThan(0);
    const mail = await mailTo('mediator@demo.local', (m) => (m.subject ?? '').includes('新案件指派'));
    expect(mail.text).to.contain(`${PUBLIC}/cases/${caseId}`);
    expect(mail.headers.get('content-language')).to.equal('zh-CN');
  });

  it('pushes a joint message to the mediator and the respondent live, not to its author', async () => {
    const mediator = s.socket(tok.mediator as string);
    await connected(mediator);
    const pushed = waitFor<NotificationPush>(
      mediator,
      'notification:new',
      (p) => p.notification.kind === 'message',
    );
    const before = (await list('mediator')).unread;
    await request(s.app)
      .post(`/api/cases/${caseId}/messages`)
      .set(as('complainant'))
      .send({ body: '我们愿意协商，请安排时间。', visibility: 'joint' })
      .expect(201);
    const push = await pushed;
    expect(push.notification).to.include({ kind: 'message', caseId });
    expect(push.notification.data).to.include({ excerpt: '我们愿意协商，请安排时间。', visibility: 'joint' });
    expect(push.unread).to.equal(before + 1);
    expect(
      (await list('respondent')).items.some((n) => n.kind === 'message' && n.caseId === caseId),
    ).to.equal(true);
    expect((await list('complainant')).items.some((n) => n.kind === 'message')).to.equal(false);
    mediator.disconnect();
  });

  it('keeps a caucus message from the other party: only the mediator is told', async () => {
    const respondentBefore = (await list('respondent')).items.filter((n) => n.kind === 'message').length;
    const res = await request(s.app)
      .post(`/api/cases/${caseId}/messages`)
      .set(as('complainant'))
      .send({ body: 'Our bottom line is 50,000 yuan.', visibility: 'caucus:complainant' })
      .expect(201);
    const seq = res.body.seq as number;
    const ids = (await notificationModel(t.db).find({ caseId }, { _id: 1 }).lean()).map((n) => n._id);
    expect(ids).to.include(`${caseId}:${seq}:message:u-mediator`);
    expect(ids.filter((id) => id.startsWith(`${caseId}:${seq}:`))).to.deep.equal([
      `${caseId}:${seq}:message:u-mediator`,
    ]);
    expect((await list('respondent')).items.filter((n) => n.kind === 'message')).to.have.length(
      respondentBefore,
    );
  });

  it('tells the party whose move it is, and mails in the language and kinds the user chose', async () => {
    // the respondent reads English and does not want message mails
    const settings = await request(s.app)
      .patch('/api/notifications/settings')
      .set(as('respondent'))
      .send({ language: 'en', mailKinds: ['assignment', 'actionWaiting', 'clockWarning', 'outcome'] })
      .expect(200);
    expect(settings.body).to.deep.equal({
      language: 'en',
      mailKinds: ['assignment', 'actionWaiting', 'clockWarning', 'outcome'],
    });
    await request(s.app)
      .post(`/api/cases/${caseId}/actions`)
      .set(as('mediator'))
      .send({ type: 'ACCEPT_ASSIGNMENT' })
      .expect(200);
    const waiting = (await list('respondent')).items.find(
      (n) => n.kind === 'actionWaiting' && n.caseId === caseId,
    );
    expect(waiting, 'the respondent is asked to consent').to.not.equal(undefined);
    // told once, when consenting became theirs to do; not again for every stage the case passed through
    const told = (await list('respondent')).items.filter(
      (n) => n.kind === 'actionWaiting' && n.caseId === caseId,
    );
    expect(told).to.have.length(1);
    const mail = await mailTo('respondent@demo.local', (m) =>
      (m.subject ?? '').includes('is waiting for you'),
    );
    expect(mail.text).to.contain(`${PUBLIC}/cases/${caseId}`);
    expect(mail.headers.get('content-language')).to.equal('en');
    await request(s.app)
      .post(`/api/cases/${caseId}/messages`)
      .set(as('mediator'))
      .send({ body: 'Joint session on Monday?', visibility: 'joint' })
      .expect(201);
    const messageNotice = (await list('respondent')).items.find(
      (n) => n.kind === 'message' && n.data.excerpt === 'Joint session on Monday?',
    );
    expect(messageNotice, 'still in the app').to.not.equal(undefined);
    const outboxRow = await mailOutboxModel(t.db).findById(messageNotice?.id).lean();
    expect(outboxRow, 'no message mail for the respondent').to.equal(null);
  });

  it('tells every party of the outcome when the case closes', async () => {
    await request(s.app)
      .post(`/api/cases/${caseId}/actions`)
      .set(as('complainant'))
      .send({ type: 'WITHDRAW', reason: 'settled privately' })
      .expect(200);
    for (const who of ['complainant', 'respondent', 'mediator']) {
      const outcome = (await list(who)).items.find((n) => n.kind === 'outcome' && n.caseId === caseId);
      expect(outcome, who).to.not.equal(undefined);
      expect(outcome?.data).to.include({ status: 'closed' });
    }
    const mail = await mailTo('complainant@demo.local', (m) => (m.subject ?? '').includes('已结案'));
    expect(mail.text).to.contain('撤回');
  });

  it('mails each party a scheduled session with its .ics invitation in Beijing time (issue 13)', async () => {
    const filed = await request(s.app)
      .post('/api/cases')
      .set(as('complainant'))
      .send(mediationComplaint('Session invite by mail'))
      .expect(201);
    const id = filed.body.id as string;
    const act = (who: string, body: object) =>
      request(s.app).post(`/api/cases/${id}/actions`).set(as(who)).send(body).expect(200);
    await act('admin', { type: 'ACCEPT' });
    await act('admin', { type: 'ROUTE', channel: 'mediation' });
    await act('mediator', { type: 'ACCEPT_ASSIGNMENT' });
    await act('respondent', { type: 'CONSENT' });
    // 10:00 in Beijing on 21 December 2026
    await act('mediator', { type: 'SCHEDULE_SESSION', sessionAt: '2026-12-21T02:00:00.000Z' });
    const mail = await mailTo('complainant@demo.local', (m) => (m.subject ?? '').includes('调解会议已安排'));
    expect(mail.subject).to.contain('2026年12月21日');
    expect(mail.text).to.contain(`${PUBLIC}/cases/${id}`);
    const ics = mail.attachments.find((a) => a.contentType === 'text/calendar');
    expect(ics, 'an .ics attachment').to.not.equal(undefined);
    expect(ics?.filename).to.match(/^SF-\d{4}-\d{6}-session-\d+\.ics$/);
    const text = ics!.content.toString('utf8').replace(/\r\n[ \t]/g, '');
    expect(text).to.include('TZID:Asia/Shanghai').and.include('DTSTART;TZID=Asia/Shanghai:20261221T100000');
    for (const who of ['complainant', 'respondent']) {
      const notice = (await list(who)).items.find((n) => n.kind === 'sessionScheduled' && n.caseId === id);
      expect(notice?.data, who).to.include({ sessionAt: '2026-12-21T02:00:00.000Z' });
    }
    // the respondent chose their mail kinds earlier (this one not among them): in the app only
    const rows = await mailOutboxModel(t.db).find({ caseId: id, template: 'sessionScheduled' }).lean();
    expect(rows.map((r) => r.to)).to.deep.equal(['complainant@demo.local']);
    // the mediator scheduled it: no notice to themselves
    const own = (await list('mediator')).items.find((n) => n.kind === 'sessionScheduled' && n.caseId === id);
    expect(own).to.equal(undefined);
  });

  it('marks one read, then all, over HTTP and Socket.IO; another user’s is 404', async () => {
    const page = await list('mediator');
    const first = page.items.find((n) => n.readAt === null);
    const one = await request(s.app)
      .post(`/api/notifications/${first?.id}/read`)
      .set(as('mediator'))
      .expect(200);
    expect(one.body.unread).to.equal(page.unread - 1);
    await request(s.app).post(`/api/notifications/${first?.id}/read`).set(as('respondent')).expect(404);
    const socket = s.socket(tok.mediator as string);
    await connected(socket);
    const ack = await emitAck<{ data?: { unread: number } }>(socket, 'notifications:read', { all: true });
    expect(ack.data).to.deep.equal({ unread: 0 });
    expect((await list('mediator')).items.every((n) => n.readAt !== null)).to.equal(true);
    socket.disconnect();
  });

  it('pages by time, newest first, and refuses bad input', async () => {
    const a = (await request(s.app).get('/api/notifications?limit=1').set(as('mediator')).expect(200))
      .body as NotificationPage;
    expect(a.items).to.have.length(1);
    expect(a.nextBefore).to.be.a('string');
    const b = (
      await request(s.app)
        .get(`/api/notifications?limit=1&before=${a.nextBefore}`)
        .set(as('mediator'))
        .expect(200)
    ).body as NotificationPage;
    expect(b.items[0]?.id).to.not.equal(a.items[0]?.id);
    await request(s.app).get('/api/notifications?limit=500').set(as('mediator')).expect(400);
    await request(s.app)
      .patch('/api/notifications/settings')
      .set(as('mediator'))
      .send({ mailKinds: ['spam'] })
      .expect(422);
    await request(s.app).get('/api/notifications').expect(401);
  });
});
