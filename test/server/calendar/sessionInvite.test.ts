import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { actViaApi, bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { largeInventionPunitive } from '../../fixtures/complaints.js';
import { buildTestApp, login, seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/** `GET /api/cases/:id/events/:seq/calendar.ics`: a scheduled session in the invitee's calendar. */
describe('session invitations (.ics, Beijing time)', function () {
  this.timeout(60_000);
  const t = useTestDatabase('sessionInvite');
  let app: Express;
  const tokens: Record<string, string> = {};
  let caseId: string;
  let seq: number;

  before(async () => {
    await seedDirectory(t.db);
    app = buildTestApp(t.db).app;
    for (const who of ['complainant', 'complainant2', 'respondent', 'admin', 'mediator', 'court'])
      tokens[who] = await login(app, `${who}@demo.local`);
    caseId = await fileCaseViaApi(
      app,
      tokens.complainant as string,
      mediationComplaint('A tea mark session'),
    );
    await actViaApi(app, tokens.admin as string, caseId, { type: 'ACCEPT' });
    await actViaApi(app, tokens.admin as string, caseId, { type: 'ROUTE', channel: 'mediation' });
    await actViaApi(app, tokens.mediator as string, caseId, { type: 'ACCEPT_ASSIGNMENT' });
    await actViaApi(app, tokens.respondent as string, caseId, { type: 'CONSENT' });
    // 10:00 in Beijing on 21 December 2026
    await actViaApi(app, tokens.mediator as string, caseId, {
      type: 'SCHEDULE_SESSION',
      sessionAt: '2026-12-21T02:00:00.000Z',
    });
    const events = await request(app)
      .get(`/api/cases/${caseId}/events`)
      .set(bearer(tokens.complainant as string));
    seq = (events.body as { items: { seq: number; type: string }[] }).items.find(
      (e) => e.type === 'SCHEDULE_SESSION',
    )!.seq;
  });

  const invite = (who: string, at = seq, lang = 'zh-CN') =>
    request(app)
      .get(`/api/cases/${caseId}/events/${at}/calendar.ics?lang=${lang}`)
      .set(bearer(tokens[who] as string));

  it('gives each party the session at 10:00 Beijing time, with its time zone and a stable UID', async () => {
    const res = await invite('respondent').expect(200);
    expect(res.headers['content-type']).to.match(/^text\/calendar/);
    expect(res.headers['content-disposition']).to.match(/^attachment;.*\.ics/);
    const ics = res.text.replace(/\r\n[ \t]/g, ''); // unfolded (lines over 75 octets are folded)
    expect(ics).to.include('BEGIN:VTIMEZONE').and.include('TZID:Asia/Shanghai');
    expect(ics).to.include('DTSTART;TZID=Asia/Shanghai:20261221T100000');
    expect(ics).to.include('DTEND;TZID=Asia/Shanghai:20261221T110000');
    expect(ics).to.include(`UID:${caseId}-${seq}@sevenfold`);
    expect(ics).to.match(/SUMMARY:调解会议：A tea mark session（SF-\d{4}-\d{6}）/);
    const en = await invite('complainant', seq, 'en').expect(200);
    expect(en.text).to.match(/SUMMARY:Session: A tea mark session \(SF-\d{4}-\d{6}\)/);
  });

  it('is 404 for an event that scheduled nothing, for someone who may not see the case, and 400 for a bad seq', async () => {
    await invite('complainant', 1).expect(404);
    await invite('complainant2').expect(404);
    await request(app)
      .get(`/api/cases/${caseId}/events/zero/calendar.ics`)
      .set(bearer(tokens.complainant as string))
      .expect(400);
  });

  it('gives a court hearing as a hearing (开庭, three hours), set three days after the notice (CPL art. 139)', async () => {
    const hearingCase = await fileCaseViaApi(app, tokens.complainant as string, {
      ...structuredClone(largeInventionPunitive),
      title: 'A pump patent at trial',
      respondent: { name: 'Qian Hao', type: 'individual', email: 'respondent@demo.local' },
    });
    await actViaApi(app, tokens.admin as string, hearingCase, { type: 'ACCEPT' });
    await actViaApi(app, tokens.admin as string, hearingCase, { type: 'ROUTE', channel: 'judicial' });
    await actViaApi(app, tokens.respondent as string, hearingCase, {
      type: 'RESPOND',
      answer: 'We deny it.',
    });
    await actViaApi(app, tokens.court as string, hearingCase, { type: 'START_TRIAL' });
    const offered = await request(app)
      .get(`/api/cases/${hearingCase}/actions`)
      .set(bearer(tokens.court as string))
      .expect(200);
    expect(JSON.stringify(offered.body)).to.include('SCHEDULE_SESSION');
    // tomorrow is too soon: the parties must have three days' notice
    const tooSoon = await request(app)
      .post(`/api/cases/${hearingCase}/actions`)
      .set(bearer(tokens.court as string))
      .send({ type: 'SCHEDULE_SESSION', sessionAt: new Date(Date.now() + 86_400_000).toISOString() })
      .expect(422);
    expect(tooSoon.body.code).to.equal('hearingNoticeTooShort');
    expect(tooSoon.body.errors[0].path).to.equal('sessionAt');
    // parties may not set the court's hearing
    await request(app)
      .post(`/api/cases/${hearingCase}/actions`)
      .set(bearer(tokens.complainant as string))
      .send({ type: 'SCHEDULE_SESSION', sessionAt: '2026-12-21T01:30:00.000Z' })
      .expect(403);
    await actViaApi(app, tokens.court as string, hearingCase, {
      type: 'SCHEDULE_SESSION',
      sessionAt: '2026-12-21T01:30:00.000Z',
    });
    const events = await request(app)
      .get(`/api/cases/${hearingCase}/events`)
      .set(bearer(tokens.respondent as string))
      .expect(200);
    const scheduled = (events.body as { items: { seq: number; type: string; tags: string[] }[] }).items.find(
      (e) => e.type === 'SCHEDULE_SESSION',
    )!;
    expect(scheduled.tags).to.include('hearing');
    const res = await request(app)
      .get(`/api/cases/${hearingCase}/events/${scheduled.seq}/calendar.ics?lang=zh-CN`)
      .set(bearer(tokens.respondent as string))
      .expect(200);
    expect(res.headers['content-disposition']).to.match(/-hearing-\d+\.ics/);
    const ics = res.text.replace(/\r\n[ \t]/g, '');
    expect(ics).to.include('DTSTART;TZID=Asia/Shanghai:20261221T093000');
    expect(ics).to.include('DTEND;TZID=Asia/Shanghai:20261221T123000');
    expect(ics).to.match(/SUMMARY:开庭：A pump patent at trial（SF-\d{4}-\d{6}）/);
    const en = await request(app)
      .get(`/api/cases/${hearingCase}/events/${scheduled.seq}/calendar.ics?lang=en`)
      .set(bearer(tokens.complainant as string))
      .expect(200);
    expect(en.text).to.match(/SUMMARY:Hearing: A pump patent at trial/);
    // the court records the hearing
    await actViaApi(app, tokens.court as string, hearingCase, {
      type: 'RECORD_SESSION',
      notes: 'Both sides heard.',
    });
  });
});
