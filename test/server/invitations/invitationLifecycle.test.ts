import { createHash } from 'node:crypto';
import { expect } from 'chai';
import request from 'supertest';
import type { Complaint } from '../../../shared/schemas/complaint.js';
import { invitationModel } from '../../../server/invitations/invitationModel.js';
import { smallTrademarkMediation } from '../../fixtures/complaints.js';
import { bearer } from '../../support/caseApi.js';
import { manualClock } from '../../support/manualClock.js';
import { expectProblem } from '../../support/problem.js';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtpServer.js';
import { buildTestApp, login, seedDirectory, type TestApp } from '../../support/testApp.js';
import { testConfig } from '../../support/testConfig.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const PUBLIC_URL = 'https://sevenfold.example.cn';
const STRONG = 'violet-harbour-lantern-91';
const LINK = /https:\/\/sevenfold\.example\.cn\/invitations\/([A-Za-z0-9_-]{43})/;
const HOUR = 3600_000;

describe('respondent invitations (issue 12): sent on routing, registered or claimed once, resent, re-addressed, served', () => {
  const t = useTestDatabase('invitations');
  const clock = manualClock('2025-09-22T02:00:00.000Z');
  let smtp: TestSmtpServer;
  let a: TestApp;
  const tok: Record<string, string> = {};
  const as = (who: string) => bearer(tok[who]!);

  before(async () => {
    await seedDirectory(t.db);
    smtp = await startSmtpServer();
    a = buildTestApp(t.db, {
      now: clock.now,
      config: testConfig({ SMTP_URL: smtp.url, PUBLIC_URL, INVITATION_TTL_HOURS: '72' }),
    });
  });
  /** Signs everyone in again (the manual clock moves past the tokens' hour). */
  async function signIn(): Promise<void> {
    for (const who of ['complainant', 'complainant2', 'respondent', 'admin', 'court', 'mediation-office']) {
      tok[who] = await login(a.app, `${who}@demo.local`);
    }
  }
  async function advance(ms: number): Promise<void> {
    clock.advance(ms);
    await signIn();
  }
  beforeEach(signIn);
  after(async () => {
    await smtp.close();
  });

  const complaintAgainst = (name: string, email: string): Complaint => ({
    ...structuredClone(smallTrademarkMediation),
    title: `Tea packaging copied by ${name}`,
    respondent: { name, type: 'enterprise', email },
  });

  /** Files a complaint, accepts it and routes it (the invitation follows the routing). */
  async function routedCase(name: string, email: string, channel = 'mediation'): Promise<string> {
    const filed = await request(a.app)
      .post('/api/cases')
      .set(as('complainant'))
      .send(complaintAgainst(name, email))
      .expect(201);
    const id = filed.body.id as string;
    await request(a.app)
      .post(`/api/cases/${id}/actions`)
      .set(as('admin'))
      .send({ type: 'ACCEPT' })
      .expect(200);
    await request(a.app)
      .post(`/api/cases/${id}/actions`)
      .set(as('admin'))
      .send({ type: 'ROUTE', channel, reason: 'the parties are in a court-annexed programme' })
      .expect(200);
    return id;
  }

  /** Sends what the outbox holds through the real SMTP server and returns the links mailed to `email`. */
  async function linksMailedTo(email: string): Promise<string[]> {
    await a.services.mailSender.tick();
    return smtp.received
      .filter((m) => m.to && JSON.stringify(m.to).includes(email))
      .map((m) => LINK.exec(m.text ?? '')?.[1])
      .filter((x): x is string => typeof x === 'string');
  }

  async function timeline(
    id: string,
    who: string,
  ): Promise<{ type: string; data: Record<string, unknown> }[]> {
    const res = await request(a.app).get(`/api/cases/${id}/events`).set(as(who)).expect(200);
    return (res.body as { items?: unknown[] }).items
      ? (res.body as { items: { type: string; data: Record<string, unknown> }[] }).items
      : (res.body as { type: string; data: Record<string, unknown> }[]);
  }

  it('routing sends exactly one invitation: a zh-CN mail with a plain-text part and the link; only the hash is stored', async () => {
    const id = await routedCase('Anhui Leaf Packaging Co.', 'legal@anhui-leaf.example.cn');
    const links = await linksMailedTo('legal@anhui-leaf.example.cn');
    expect(links).to.have.length(1);
    const mail = smtp.received.find((m) => JSON.stringify(m.to).includes('anhui-leaf'))!;
    expect(mail.subject).to.match(/^【Sevenfold】知识产权纠纷通知/);
    expect(mail.text).to.contain('注册为本案的被请求人').and.to.contain(`${PUBLIC_URL}/invitations/`);
    expect(mail.html).to.contain(`href="${PUBLIC_URL}/invitations/${links[0]!}"`);
    const stored = await invitationModel(t.db).find({ caseId: id }).lean();
    expect(stored).to.have.length(1);
    expect(stored[0]!.tokenHash).to.equal(createHash('sha256').update(links[0]!).digest('hex'));
    expect(JSON.stringify(stored)).to.not.contain(links[0]!);
    // a repair of the case (as after a crash) sends no second one
    await a.engine.store.finish(id);
    expect(await linksMailedTo('legal@anhui-leaf.example.cn')).to.have.length(1);
    const types = (await timeline(id, 'complainant')).map((e) => e.type);
    expect(types.filter((x) => x === 'INVITATION_SENT')).to.have.length(1);
  });

  it('the holder registers through the link: a respondent account bound to that case only, served by the claim; the link works once', async () => {
    const other = await routedCase('Other Co.', 'someone@other.example.cn');
    const id = await routedCase('Fujian Green Leaf Ltd.', 'ip@greenleaf.example.cn');
    const [token] = await linksMailedTo('ip@greenleaf.example.cn');

    const opened = await request(a.app).get(`/api/invitations/${token!}`).expect(200);
    expect(opened.body).to.include({
      state: 'pending',
      caseId: null,
      respondentName: 'Fujian Green Leaf Ltd.',
    });
    expect(opened.body.emailHint).to.equal('i***@greenleaf.example.cn');
    expect(opened.body.accountExists).to.equal(false);
    await request(a.app).get(`/api/invitations/${token!}`).expect(200);
    expect((await timeline(id, 'complainant')).filter((e) => e.type === 'INVITATION_OPENED')).to.have.length(
      1,
    );

    await advance(2 * HOUR);
    const reg = await request(a.app)
      .post(`/api/invitations/${token!}/register`)
      .send({ name: 'Lin Wei (Fujian Green Leaf)', password: STRONG })
      .expect(201);
    expect(reg.body.caseId).to.equal(id);
    expect(reg.body.user).to.include({ email: 'ip@greenleaf.example.cn', role: 'respondent' });
    const mine = bearer(reg.body.token as string);

    const kase = await request(a.app).get(`/api/cases/${id}`).set(mine).expect(200);
    expect(kase.body.respondent.id).to.equal(reg.body.user.id);
    expect(kase.body.service.served).to.deep.equal({ means: 'link', servedAt: clock.now().toISOString() });
    const list = await request(a.app).get('/api/cases').set(mine).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).to.deep.equal([id]);
    expectProblem(await request(a.app).get(`/api/cases/${other}`).set(mine), 404);

    // single use: a second registration or an anonymous opening says so and shows nothing of the case
    const again = expectProblem(
      await request(a.app).post(`/api/invitations/${token!}/register`).send({ name: 'X', password: STRONG }),
      409,
    );
    expect(again.code).to.equal('invitationClaimed');
    const anon = expectProblem(await request(a.app).get(`/api/invitations/${token!}`), 409);
    expect(JSON.stringify(anon)).to.not.contain('Green Leaf').and.not.contain('Tea packaging');
    // its holder, signed in, is taken to the case
    const back = await request(a.app).get(`/api/invitations/${token!}`).set(mine).expect(200);
    expect(back.body).to.include({ state: 'claimed', caseId: id });
  });

  it('a signed-in respondent claims; an existing address is told to sign in; other roles and accounts may not claim', async () => {
    const id = await routedCase('Qian Hao Trading', 'respondent@demo.local');
    const [token] = await linksMailedTo('respondent@demo.local');
    const opened = await request(a.app).get(`/api/invitations/${token!}`).expect(200);
    expect(opened.body.accountExists).to.equal(true);
    const exists = expectProblem(
      await request(a.app).post(`/api/invitations/${token!}/register`).send({ name: 'Q', password: STRONG }),
      409,
    );
    expect(exists.code).to.equal('invitationAccountExists');
    expectProblem(await request(a.app).post(`/api/invitations/${token!}/claim`), 401);
    expectProblem(await request(a.app).post(`/api/invitations/${token!}/claim`).set(as('complainant2')), 403);
    const claimed = await request(a.app)
      .post(`/api/invitations/${token!}/claim`)
      .set(as('respondent'))
      .expect(200);
    expect(claimed.body).to.deep.equal({ caseId: id });
    const kase = await request(a.app).get(`/api/cases/${id}`).set(as('respondent')).expect(200);
    expect(kase.body.service.served.means).to.equal('link');
    expectProblem(await request(a.app).post(`/api/invitations/${token!}/claim`).set(as('complainant2')), 409);
  });

  it('an unknown or expired link reveals nothing; lookups are rate-limited per client address', async () => {
    const unknown = expectProblem(await request(a.app).get(`/api/invitations/${'A'.repeat(43)}`), 404);
    expect(unknown.code).to.equal('invitationUnknown');
    expectProblem(await request(a.app).get('/api/invitations/not-a-token'), 400);

    await routedCase('Expiring Co.', 'late@expiring.example.cn');
    const [token] = await linksMailedTo('late@expiring.example.cn');
    await advance(73 * HOUR);
    const expired = expectProblem(await request(a.app).get(`/api/invitations/${token!}`), 410);
    expect(expired.code).to.equal('invitationExpired');
    expect(JSON.stringify(expired)).to.not.contain('Expiring');
    expectProblem(
      await request(a.app).post(`/api/invitations/${token!}/register`).send({ name: 'L', password: STRONG }),
      410,
    );

    const limited = buildTestApp(t.db, {
      now: clock.now,
      config: testConfig({ INVITATION_LOOKUPS_PER_MINUTE: '3' }),
    });
    for (let i = 0; i < 3; i++)
      expectProblem(await request(limited.app).get(`/api/invitations/${'B'.repeat(43)}`), 404);
    const tooMany = expectProblem(await request(limited.app).get(`/api/invitations/${'B'.repeat(43)}`), 429);
    expect(tooMany.detail).to.match(/Too many/);
  });

  it('staff resend (the old link is void), change the address (recorded for staff only) and list the invitations; parties may not', async () => {
    const id = await routedCase('Resend Co.', 'first@resend.example.cn');
    const [first] = await linksMailedTo('first@resend.example.cn');
    expectProblem(await request(a.app).post(`/api/cases/${id}/invitations`).set(as('complainant')), 403);
    expectProblem(await request(a.app).get(`/api/cases/${id}/invitations`).set(as('complainant')), 403);

    const resent = await request(a.app)
      .post(`/api/cases/${id}/invitations`)
      .set(as('mediation-office'))
      .expect(201);
    expect(resent.body.items.map((i: { state: string }) => i.state)).to.deep.equal(['void', 'pending']);
    const [, second] = await linksMailedTo('first@resend.example.cn');
    expect(second).to.be.a('string').and.not.equal(first);
    const replaced = expectProblem(await request(a.app).get(`/api/invitations/${first!}`), 410);
    expect(replaced.code).to.equal('invitationReplaced');
    await request(a.app).get(`/api/invitations/${second!}`).expect(200);

    await advance(HOUR);
    const moved = await request(a.app)
      .post(`/api/cases/${id}/invitations/address`)
      .set(as('admin'))
      .send({ email: 'Legal@Resend.example.cn' })
      .expect(201);
    expect(moved.body.email).to.equal('legal@resend.example.cn');
    expect(
      moved.body.items.map((i: { state: string; voidReason: string | null }) => [i.state, i.voidReason]),
    ).to.deep.equal([
      ['void', 'resent'],
      ['void', 'addressChanged'],
      ['pending', null],
    ]);
    expect(moved.body.items[0].mail).to.equal('sent');
    expect(await linksMailedTo('legal@resend.example.cn')).to.have.length(1);
    expectProblem(await request(a.app).get(`/api/invitations/${second!}`), 410);

    const staffView = (await timeline(id, 'admin')).find((e) => e.type === 'RESPONDENT_ADDRESS_CHANGED');
    expect(staffView?.data).to.include({ from: 'first@resend.example.cn', to: 'legal@resend.example.cn' });
    const events = await request(a.app).get(`/api/cases/${id}/events`).set(as('admin')).expect(200);
    const raw = JSON.stringify(events.body);
    expect(raw).to.contain('"actor":{"id":"u-admin"');
    const partyView = JSON.stringify(await timeline(id, 'complainant'));
    expect(partyView).to.not.contain('RESPONDENT_ADDRESS_CHANGED').and.not.contain('legal@resend');
    expectProblem(
      await request(a.app)
        .post(`/api/cases/${id}/invitations/address`)
        .set(as('admin'))
        .send({ email: 'nope' }),
      422,
    );
  });

  it('service by other means (post, with its date) starts the answer period from that date, and ends the invitations', async () => {
    clock.set('2025-09-26T02:00:00.000Z');
    await signIn();
    const id = await routedCase('Posted Co.', 'post@posted.example.cn', 'judicial');
    const before = await request(a.app).get(`/api/cases/${id}`).set(as('court')).expect(200);
    expect(before.body.service).to.deep.equal({
      served: null,
      awaiting: ['respondentAnswer'],
      respondents: [
        {
          slot: 0,
          name: 'Posted Co.',
          linked: false,
          you: false,
          served: null,
          consented: false,
          signed: false,
        },
      ],
    });
    expect(before.body.clocks.map((c: { clock: string }) => c.clock)).to.not.include('respondentAnswer');

    await advance(5 * 24 * HOUR);
    const servedAt = new Date(clock.now().getTime() - 2 * 24 * HOUR).toISOString();
    expectProblem(
      await request(a.app)
        .post(`/api/cases/${id}/actions`)
        .set(as('complainant'))
        .send({ type: 'SERVE', means: 'post', servedAt }),
      403,
    );
    // a date of service before the filing is refused by the machine (the details, not the role), one in
    // the future by validation
    const early = expectProblem(
      await request(a.app)
        .post(`/api/cases/${id}/actions`)
        .set(as('court'))
        .send({ type: 'SERVE', means: 'post', servedAt: '2025-01-01T00:00:00.000Z' }),
      422,
    );
    expect(early.code).to.equal('actionDetailsRefused');
    expectProblem(
      await request(a.app)
        .post(`/api/cases/${id}/actions`)
        .set(as('court'))
        .send({ type: 'SERVE', means: 'post', servedAt: '2099-01-01T00:00:00.000Z' }),
      422,
    );
    const served = await request(a.app)
      .post(`/api/cases/${id}/actions`)
      .set(as('court'))
      .send({ type: 'SERVE', means: 'post', servedAt, note: 'EMS return receipt EA123456789CN' })
      .expect(200);
    expect(served.body.service).to.deep.include({ served: { means: 'post', servedAt }, awaiting: [] });
    expect(served.body.service.respondents[0].served).to.deep.equal({ means: 'post', servedAt });
    const answer = served.body.clocks.find((c: { clock: string }) => c.clock === 'respondentAnswer');
    expect(answer.startedAt).to.equal(servedAt);
    // 15 days from the date of service, to the end of the last day in Beijing time
    expect(servedAt).to.equal('2025-09-29T02:00:00.000Z');
    expect(answer.dueAt).to.equal('2025-10-14T15:59:59.999Z');
    const refused = expectProblem(
      await request(a.app).post(`/api/cases/${id}/invitations`).set(as('court')),
      409,
    );
    expect(refused.code).to.equal('invitationNotNeeded');
  });

  it('several respondents: each company has its own invitation, service and countdown', async () => {
    const one = await routedCase('Company One Ltd.', 'one@one.example.cn', 'judicial');
    const two = await routedCase('Company Two Ltd.', 'two@two.example.cn', 'judicial');
    const [tokenOne] = await linksMailedTo('one@one.example.cn');
    const [tokenTwo] = await linksMailedTo('two@two.example.cn');
    const r1 = await request(a.app)
      .post(`/api/invitations/${tokenOne!}/register`)
      .send({ name: 'One', password: STRONG });
    expect(r1.status, r1.text).to.equal(201);
    await advance(2 * 24 * HOUR);
    r1.body.token = await login(a.app, 'one@one.example.cn', STRONG);
    const r2 = await request(a.app)
      .post(`/api/invitations/${tokenTwo!}/register`)
      .send({ name: 'Two', password: STRONG })
      .expect(201);
    expect(r1.body.user.id).to.not.equal(r2.body.user.id);
    const c1 = await request(a.app)
      .get(`/api/cases/${one}`)
      .set(bearer(r1.body.token as string))
      .expect(200);
    const c2 = await request(a.app)
      .get(`/api/cases/${two}`)
      .set(bearer(r2.body.token as string))
      .expect(200);
    const answer = (c: { body: { clocks: { clock: string; startedAt: string; dueAt: string }[] } }) =>
      c.body.clocks.find((k) => k.clock === 'respondentAnswer')!;
    // each period runs from its own service: two days apart; the second ends on a Saturday (18 Oct),
    // so it moves to the next working day (Monday 20 Oct)
    expect(Date.parse(answer(c2).startedAt) - Date.parse(answer(c1).startedAt)).to.equal(2 * 24 * HOUR);
    expect([answer(c1).dueAt, answer(c2).dueAt]).to.deep.equal([
      '2025-10-16T15:59:59.999Z',
      '2025-10-20T15:59:59.999Z',
    ]);
    expectProblem(
      await request(a.app)
        .get(`/api/cases/${two}`)
        .set(bearer(r1.body.token as string)),
      404,
    );
    // a stranger's token for one case opens nothing of the other
    expectProblem(
      await request(a.app)
        .post(`/api/invitations/${tokenTwo!}/claim`)
        .set(bearer(r1.body.token as string)),
      409,
    );
  });
});
