import { expect } from 'chai';
import { pino } from 'pino';
import { createMailOutbox } from '../../../server/mail/createMailOutbox.js';
import { createMailSender } from '../../../server/mail/createMailSender.js';
import { mailOutboxModel } from '../../../server/mail/mailOutboxModel.js';
import { manualClock } from '../../support/manualClock.js';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtpServer.js';
import { testConfig } from '../../support/testConfig.js';
import { testLogger } from '../../support/testEnvironment.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

describe('mail outbox and sender (issue 12): durable, localised, sent once through real SMTP', () => {
  const t = useTestDatabase('mailoutbox');
  let smtp: TestSmtpServer;
  const config = () =>
    testConfig({
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://sevenfold.example.cn',
      MAIL_FROM: 'Sevenfold <mail@sevenfold.example.cn>',
    });

  beforeEach(async () => {
    smtp = await startSmtpServer();
    await mailOutboxModel(t.db).deleteMany({});
  });
  afterEach(async () => {
    await smtp.close();
  });

  it('renders a Chinese mail with a plain-text part and the case link, and sends it', async () => {
    const outbox = createMailOutbox({ db: t.db, config: config(), logger: testLogger });
    const sender = createMailSender({ db: t.db, config: config(), logger: testLogger });
    await outbox.enqueue({
      to: 'mediator@example.cn',
      locale: 'zh-CN',
      template: 'assignment',
      data: {
        caseId: 'c-42',
        caseNo: '(2026)知调字第42号',
        title: '商标侵权',
        role: 'mediator',
        name: '王调解',
      },
      dedupeKey: 'c-42:3:assignment:u-1',
      userId: 'u-1',
      caseId: 'c-42',
    });
    expect(await sender.tick()).to.equal(1);
    const [mail] = await smtp.waitFor(1);
    expect(mail?.subject).to.equal('【Sevenfold】新案件指派：(2026)知调字第42号');
    expect(mail?.text).to.contain('已指派给您').and.to.contain('https://sevenfold.example.cn/cases/c-42');
    expect(mail?.html).to.be.a('string').and.to.contain('href="https://sevenfold.example.cn/cases/c-42"');
    expect(mail?.headers.get('content-language')).to.equal('zh-CN');
    expect(mail?.from?.text).to.contain('mail@sevenfold.example.cn');
    expect(mail?.messageId).to.match(/^<[0-9a-f]{32}@sevenfold\.example\.cn>$/);
    const stored = await mailOutboxModel(t.db).findById('c-42:3:assignment:u-1').lean();
    expect(stored?.state).to.equal('sent');
    expect(stored?.attempts).to.equal(1);
  });

  it('renders the same occasion in English for an English reader', async () => {
    const outbox = createMailOutbox({ db: t.db, config: config(), logger: testLogger });
    const sender = createMailSender({ db: t.db, config: config(), logger: testLogger });
    await outbox.enqueue({
      to: 'party@example.com',
      locale: 'en',
      template: 'clockWarning',
      data: {
        caseId: 'c-7',
        caseNo: 'C-7',
        clock: 'mediationConsent',
        level: 'warning80',
        dueAt: '2026-12-10T15:59:59.999Z',
      },
      dedupeKey: 'c-7:9:clockWarning:u-2',
    });
    await sender.tick();
    const [mail] = await smtp.waitFor(1);
    expect(mail?.subject).to.equal('[Sevenfold] C-7: Respondent consents to mediation reminder');
    expect(mail?.text)
      .to.contain('80 % gone')
      .and.to.contain('Beijing time')
      .and.to.contain('https://sevenfold.example.cn/cases/c-7');
    expect(mail?.headers.get('content-language')).to.equal('en');
  });

  it('stores and sends a repeated dedupeKey once', async () => {
    const outbox = createMailOutbox({ db: t.db, config: config(), logger: testLogger });
    const sender = createMailSender({ db: t.db, config: config(), logger: testLogger });
    const mail = {
      to: 'a@example.com',
      locale: 'en' as const,
      template: 'outcome' as const,
      data: { caseId: 'c-1', caseNo: 'C-1', title: 'x', status: 'closed', closureReason: 'settled' },
      dedupeKey: 'c-1:12:outcome:u-1',
    };
    await outbox.enqueue(mail);
    await outbox.enqueue(mail);
    await sender.tick();
    await outbox.enqueue(mail); // after it was sent: still nothing new
    expect(await sender.tick()).to.equal(0);
    await smtp.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received).to.have.length(1);
    expect(await mailOutboxModel(t.db).countDocuments({ dedupeKey: mail.dedupeKey })).to.equal(1);
  });

  it('commits a mail with the caller’s transaction, or not at all', async () => {
    const outbox = createMailOutbox({ db: t.db, config: config(), logger: testLogger });
    const session = t.db.getClient().startSession();
    try {
      await session
        .withTransaction(async () => {
          await outbox.enqueue(
            {
              to: 'x@example.com',
              locale: 'en',
              template: 'outcome',
              data: { caseId: 'c' },
              dedupeKey: 'rolled-back',
            },
            { session },
          );
          throw new Error('the caller fails after enqueueing');
        })
        .catch(() => undefined);
      await session.withTransaction(async () => {
        await outbox.enqueue(
          {
            to: 'x@example.com',
            locale: 'en',
            template: 'outcome',
            data: { caseId: 'c' },
            dedupeKey: 'committed',
          },
          { session },
        );
      });
    } finally {
      await session.endSession();
    }
    const ids = (await mailOutboxModel(t.db).find({}, { _id: 1 }).lean()).map((d) => d._id);
    expect(ids).to.deep.equal(['committed']);
  });

  it('two senders racing over the same mails send each exactly once', async () => {
    const outbox = createMailOutbox({ db: t.db, config: config(), logger: testLogger });
    for (let i = 0; i < 12; i++) {
      await outbox.enqueue({
        to: `p${i}@example.com`,
        locale: i % 2 ? 'en' : 'zh-CN',
        template: 'actionWaiting',
        data: { caseId: `c-${i}`, caseNo: `C-${i}`, title: 't' },
        dedupeKey: `race-${i}`,
      });
    }
    const a = createMailSender({ db: t.db, config: config(), logger: testLogger });
    const b = createMailSender({ db: t.db, config: config(), logger: testLogger });
    const [na, nb] = await Promise.all([a.tick(), b.tick()]);
    expect(na + nb).to.equal(12);
    await smtp.waitFor(12);
    await new Promise((r) => setTimeout(r, 200));
    const to = smtp.received.map((m) => (m.to as { text: string }).text).sort();
    expect(to).to.have.length(12);
    expect(new Set(to).size).to.equal(12);
  });

  it('retries a refused mail with a growing backoff, then delivers it', async () => {
    const clock = manualClock('2026-12-01T08:00:00Z');
    const outbox = createMailOutbox({ db: t.db, config: config(), logger: testLogger, now: clock.now });
    const sender = createMailSender({
      db: t.db,
      config: config(),
      logger: testLogger,
      now: clock.now,
      backoffMs: 1000,
    });
    await outbox.enqueue({
      to: 'r@example.com',
      locale: 'en',
      template: 'outcome',
      data: { caseId: 'c-r' },
      dedupeKey: 'retry-1',
    });
    smtp.failNext(2);
    await sender.tick(); // refused
    let stored = await mailOutboxModel(t.db).findById('retry-1').lean();
    expect(stored?.state).to.equal('queued');
    expect(stored?.attempts).to.equal(1);
    expect(stored?.lastError).to.contain('451');
    expect(stored?.dueAt?.toISOString()).to.equal('2026-12-01T08:00:01.000Z');
    expect(await sender.tick(), 'not yet due').to.equal(0);
    clock.advance(1000);
    await sender.tick(); // refused again: the wait doubles
    stored = await mailOutboxModel(t.db).findById('retry-1').lean();
    expect(stored?.attempts).to.equal(2);
    expect(stored?.dueAt?.toISOString()).to.equal('2026-12-01T08:00:03.000Z');
    clock.advance(2000);
    await sender.tick();
    await smtp.waitFor(1);
    stored = await mailOutboxModel(t.db).findById('retry-1').lean();
    expect(stored?.state).to.equal('sent');
    expect(stored?.attempts).to.equal(3);
    expect(smtp.received).to.have.length(1);
  });

  it('gives up after the last attempt and records why', async () => {
    const clock = manualClock('2026-12-01T08:00:00Z');
    const outbox = createMailOutbox({ db: t.db, config: config(), logger: testLogger, now: clock.now });
    const sender = createMailSender({
      db: t.db,
      config: config(),
      logger: testLogger,
      now: clock.now,
      backoffMs: 10,
      maxAttempts: 3,
    });
    await outbox.enqueue({
      to: 'g@example.com',
      locale: 'en',
      template: 'outcome',
      data: {},
      dedupeKey: 'give-up',
    });
    smtp.failNext(10);
    for (let i = 0; i < 5; i++) {
      await sender.tick();
      clock.advance(60_000);
    }
    const stored = await mailOutboxModel(t.db).findById('give-up').lean();
    expect(stored?.state).to.equal('failed');
    expect(stored?.attempts).to.equal(3);
    expect(stored?.lastError).to.contain('451');
  });

  it('a sender that dies holding a mail: another sends it once its lease ends, with the same Message-ID', async () => {
    const clock = manualClock('2026-12-01T08:00:00Z');
    const outbox = createMailOutbox({ db: t.db, config: config(), logger: testLogger, now: clock.now });
    await outbox.enqueue({
      to: 'c@example.com',
      locale: 'en',
      template: 'outcome',
      data: {},
      dedupeKey: 'crash-1',
    });
    // the dead sender's claim, exactly as a sender makes it, and nothing after it
    await mailOutboxModel(t.db).updateOne(
      { _id: 'crash-1' },
      {
        $set: { dueAt: new Date(clock.now().getTime() + 60_000), leaseOwner: 'dead' },
        $inc: { attempts: 1 },
      },
    );
    const survivor = createMailSender({ db: t.db, config: config(), logger: testLogger, now: clock.now });
    expect(await survivor.tick(), 'held by the lease').to.equal(0);
    clock.advance(60_000);
    expect(await survivor.tick()).to.equal(1);
    const [mail] = await smtp.waitFor(1);
    const stored = await mailOutboxModel(t.db).findById('crash-1').lean();
    expect(mail?.messageId).to.equal(stored?.messageId);
    expect(stored?.state).to.equal('sent');
    expect(await survivor.tick()).to.equal(0);
  });

  it('without SMTP_URL keeps the mail in the local outbox and logs its links', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const local = testConfig({ PUBLIC_URL: 'http://localhost:3000' });
    const outbox = createMailOutbox({ db: t.db, config: local, logger: testLogger });
    const sender = createMailSender({ db: t.db, config: local, logger });
    await outbox.enqueue({
      to: 'k@example.com',
      locale: 'zh-CN',
      template: 'passwordReset',
      data: { token: 'tok123', expiresInMinutes: 30 },
      dedupeKey: 'kept-1',
    });
    expect(await sender.tick()).to.equal(1);
    const stored = await mailOutboxModel(t.db).findById('kept-1').lean();
    expect(stored?.state).to.equal('kept');
    expect(stored?.links).to.deep.equal(['http://localhost:3000/reset-password/tok123']);
    expect(lines.join('\n')).to.contain('http://localhost:3000/reset-password/tok123');
    expect(smtp.received).to.have.length(0);
  });
});
