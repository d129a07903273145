import { expect } from 'chai';
import request from 'supertest';
import { clockRunModel } from '../../../server/clocks/clockRunModel.js';
import { notificationModel } from '../../../server/notifications/notificationModel.js';
import { bearer, mediationComplaint } from '../../support/caseApi.js';
import { manualClock } from '../../support/manualClock.js';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtpServer.js';
import { testConfig } from '../../support/testConfig.js';
import { buildTestApp, login, seedDirectory, type TestApp } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

describe('clock warnings (issue 12): 50 %, 80 % and breach, each once, to whoever must act', function () {
  this.timeout(60_000);
  const t = useTestDatabase('clockwarnings');
  let smtp: TestSmtpServer;
  let built: TestApp;
  const clock = manualClock('2026-11-02T02:00:00.000Z');

  before(async () => {
    smtp = await startSmtpServer();
    await seedDirectory(t.db);
    built = buildTestApp(t.db, {
      now: clock.now,
      config: testConfig({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://sevenfold.example.cn' }),
    });
  });
  after(async () => {
    await built.services.mailSender.stop();
    await smtp.close();
  });

  it('warns the respondent who has to consent at 50 % and 80 %, once each, in the app and by mail', async () => {
    const { app, engine, services } = built;
    const tok = {
      complainant: await login(app, 'complainant@demo.local'),
      admin: await login(app, 'admin@demo.local'),
      mediator: await login(app, 'mediator@demo.local'),
    };
    const filed = await request(app)
      .post('/api/cases')
      .set(bearer(tok.complainant))
      .send(mediationComplaint('Clock'))
      .expect(201);
    const id = filed.body.id as string;
    for (const body of [{ type: 'ACCEPT' }, { type: 'ROUTE', channel: 'mediation' }])
      await request(app).post(`/api/cases/${id}/actions`).set(bearer(tok.admin)).send(body).expect(200);
    await request(app)
      .post(`/api/cases/${id}/actions`)
      .set(bearer(tok.mediator))
      .send({ type: 'ACCEPT_ASSIGNMENT' })
      .expect(200);
    // the consent period runs from service: the respondent is served by post today
    await request(app)
      .post(`/api/cases/${id}/actions`)
      .set(bearer(tok.admin))
      .send({ type: 'SERVE', means: 'post', servedAt: clock.now().toISOString() })
      .expect(200);
    const consent = await clockRunModel(t.db).findOne({ caseId: id, clock: 'mediationConsent' }).lean();
    expect(consent, 'the consent clock runs').to.not.equal(null);
    const warnings = () =>
      notificationModel(t.db)
        .find({ caseId: id, kind: 'clockWarning' })
        .lean()
        .then((all) => all.map((n) => `${n.userId} ${String(n.data.level)}`).sort());

    clock.set(consent!.warnAt50);
    await engine.scheduler.tick({ caseId: id });
    await engine.scheduler.tick({ caseId: id });
    expect(await warnings()).to.deep.equal(['u-respondent warning50']);
    clock.set(consent!.warnAt80);
    await engine.scheduler.tick({ caseId: id });
    expect(await warnings()).to.deep.equal(['u-respondent warning50', 'u-respondent warning80']);

    await services.mailSender.tick();
    await smtp.waitFor(1);
    const toRespondent = smtp.received.filter(
      (m) =>
        (m.to as { text: string }).text === 'respondent@demo.local' && (m.subject ?? '').includes('期限提醒'),
    );
    expect(
      toRespondent.map((m) => m.text?.includes('已过 50%') || m.text?.includes('已过 80%')),
    ).to.deep.equal([true, true]);
    expect(toRespondent[0]?.text).to.contain(`https://sevenfold.example.cn/cases/${id}`);
    expect(toRespondent[0]?.subject).to.contain('被请求人同意调解');

    // the breach is told once too, whatever the expiry did to the case
    clock.set(new Date(consent!.dueAt.getTime() + 1000));
    await engine.scheduler.tick({ caseId: id });
    await engine.scheduler.tick({ caseId: id });
    const breaches = (await warnings()).filter((w) => w.endsWith('breach'));
    expect(breaches.length).to.be.greaterThan(0);
    expect(new Set(breaches).size).to.equal(breaches.length);
  });
});
