import { expect } from 'chai';
import request from 'supertest';
import type { Complaint } from '../../../shared/schemas/complaint.js';
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
const DAY = 24 * 3600_000;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

interface RespondentRow {
  slot: number;
  name: string;
  linked: boolean;
  you: boolean;
  served: { means: string; servedAt: string } | null;
  consented: boolean;
}

describe('several respondents in one case (issue 12): one invitation each, each a party, mediation only with every consent', () => {
  const t = useTestDatabase('severalRespondents');
  const clock = manualClock('2025-11-03T02:00:00.000Z');
  let smtp: TestSmtpServer;
  let a: TestApp;
  const tok: Record<string, string> = {};
  const as = (who: string) => bearer(tok[who]!);

  before(async () => {
    await seedDirectory(t.db);
    smtp = await startSmtpServer();
    a = buildTestApp(t.db, {
      now: clock.now,
      config: testConfig({ SMTP_URL: smtp.url, PUBLIC_URL }),
    });
  });
  after(async () => {
    await smtp.close();
  });
  async function signIn(): Promise<void> {
    for (const who of ['complainant', 'admin', 'mediator', 'mediator2']) {
      tok[who] = await login(a.app, `${who}@demo.local`);
    }
  }
  beforeEach(signIn);

  const complaint = (title: string): Complaint => ({
    ...structuredClone(smallTrademarkMediation),
    title,
    respondent: { name: 'Hangzhou North Tea Co.', type: 'enterprise', email: 'legal@north-tea.example.cn' },
    otherRespondents: [
      { name: 'Ningbo South Packaging Ltd.', type: 'enterprise', email: 'ip@south-pack.example.cn' },
    ],
  });

  async function routed(body: Complaint): Promise<string> {
    const filed = await request(a.app).post('/api/cases').set(as('complainant')).send(body).expect(201);
    const id = filed.body.id as string;
    for (const action of [
      { type: 'ACCEPT' },
      { type: 'ROUTE', channel: 'mediation', reason: 'both parties agree' },
    ]) {
      await request(a.app).post(`/api/cases/${id}/actions`).set(as('admin')).send(action).expect(200);
    }
    return id;
  }

  /** Sends the outbox through the real SMTP server; the links mailed to `email`. */
  async function linksMailedTo(email: string): Promise<string[]> {
    await a.services.mailSender.tick();
    return smtp.received
      .filter((m) => JSON.stringify(m.to).includes(email))
      .map((m) => LINK.exec(m.text ?? '')?.[1])
      .filter((x): x is string => typeof x === 'string');
  }

  const respondentsOf = async (id: string, who: Record<string, string>) =>
    (await request(a.app).get(`/api/cases/${id}`).set(who).expect(200)).body as {
      stage: string;
      respondent: { id: string | null };
      clocks: { clock: string; startedAt: string }[];
      service: { respondents: RespondentRow[] };
    };

  it('validates the other respondents: name and type required, no shared address; old complaints stay valid', async () => {
    const shared = complaint('Shared address');
    shared.otherRespondents![0]!.email = 'legal@north-tea.example.cn';
    const refused = expectProblem(
      await request(a.app).post('/api/cases').set(as('complainant')).send(shared),
      422,
    );
    expect(JSON.stringify(refused)).to.contain('must not share an e-mail address');
    const nameless = complaint('No name');
    (nameless.otherRespondents![0] as { name?: string }).name = undefined;
    expectProblem(await request(a.app).post('/api/cases').set(as('complainant')).send(nameless), 422);
    // a complaint as it was filed before (one respondent and a count) is still accepted
    const old = { ...complaint('Old shape'), respondentCount: 2 } as Complaint;
    delete old.otherRespondents;
    await request(a.app).post('/api/cases').set(as('complainant')).send(old).expect(201);
  });

  it('two respondents: exactly one invitation each; both register, each sees only this case, and mediation starts only once both consent', async () => {
    const other = await routed({ ...complaint('Another dispute'), otherRespondents: [] });
    const id = await routed(complaint('Tea tins copied by two companies'));
    const north = await linksMailedTo('legal@north-tea.example.cn');
    const south = await linksMailedTo('ip@south-pack.example.cn');
    // the other case invited only its one respondent (north): one link each for this case
    expect(south).to.have.length(1);
    expect(north).to.have.length(2);
    const mailToSouth = smtp.received.find((m) => JSON.stringify(m.to).includes('south-pack'))!;
    expect(mailToSouth.text).to.contain('Ningbo South Packaging Ltd.');
    // a repair of the case sends nothing more
    await a.engine.store.finish(id);
    expect(await linksMailedTo('ip@south-pack.example.cn')).to.have.length(1);

    const staffView = await request(a.app).get(`/api/cases/${id}/invitations`).set(as('admin')).expect(200);
    expect(
      staffView.body.respondents.map((r: { name: string; email: string }) => [r.name, r.email]),
    ).to.deep.equal([
      ['Hangzhou North Tea Co.', 'legal@north-tea.example.cn'],
      ['Ningbo South Packaging Ltd.', 'ip@south-pack.example.cn'],
    ]);
    // staff resend the second respondent's link only: the first one's stays valid
    await request(a.app)
      .post(`/api/cases/${id}/invitations`)
      .set(as('admin'))
      .send({ respondent: 1 })
      .expect(201);
    const resent = await linksMailedTo('ip@south-pack.example.cn');
    expect(resent).to.have.length(2);
    const replaced = expectProblem(await request(a.app).get(`/api/invitations/${south[0]!}`), 410);
    expect(replaced.code).to.equal('invitationReplaced');
    const noSuch = expectProblem(
      await request(a.app).post(`/api/cases/${id}/invitations`).set(as('admin')).send({ respondent: 4 }),
      422,
    );
    expect(noSuch.code).to.equal('noSuchRespondent');

    // the mediator accepts before anyone is served: the consent period waits for service
    const assigned = await respondentsOf(id, as('admin'));
    const mediatorId = (
      (await request(a.app).get(`/api/cases/${id}`).set(as('admin')).expect(200)).body as {
        mediatorId: string;
      }
    ).mediatorId;
    const mediator = mediatorId === 'u-mediator2' ? 'mediator2' : 'mediator';
    expect(assigned.stage).to.contain('awaitingAcceptance');
    await request(a.app)
      .post(`/api/cases/${id}/actions`)
      .set(as(mediator))
      .send({ type: 'ACCEPT_ASSIGNMENT' })
      .expect(200);

    // the first registers through their link (this case's, the second one mailed to that address)
    const firstLink = north[1]!;
    const opened = await request(a.app).get(`/api/invitations/${firstLink}`).expect(200);
    expect(opened.body.respondentName).to.equal('Hangzhou North Tea Co.');
    const r1 = await request(a.app)
      .post(`/api/invitations/${firstLink}/register`)
      .send({ name: 'Zhao Min (North Tea)', password: STRONG })
      .expect(201);
    const servedFirst = clock.now().toISOString();
    clock.advance(2 * DAY);
    await signIn();
    const secondOpened = await request(a.app).get(`/api/invitations/${resent[1]!}`).expect(200);
    expect(secondOpened.body.respondentName).to.equal('Ningbo South Packaging Ltd.');
    const r2 = await request(a.app)
      .post(`/api/invitations/${resent[1]!}/register`)
      .send({ name: 'Qian Li (South Packaging)', password: STRONG })
      .expect(201);
    const servedSecond = clock.now().toISOString();
    const first = bearer(await login(a.app, 'legal@north-tea.example.cn', STRONG));
    const second = bearer(r2.body.token as string);
    expect(r1.body.caseId).to.equal(id);
    expect(r2.body.caseId).to.equal(id);

    // each sees this case, and only it: not the other case the first one's address was invited to
    for (const who of [first, second]) {
      const list = await request(a.app).get('/api/cases').set(who).expect(200);
      expect(list.body.items.map((c: { id: string }) => c.id)).to.deep.equal([id]);
      expectProblem(await request(a.app).get(`/api/cases/${other}`).set(who), 404);
    }
    const seen = await respondentsOf(id, second);
    expect(seen.service.respondents.map((r) => [r.name, r.linked, r.you, r.served?.servedAt])).to.deep.equal([
      ['Hangzhou North Tea Co.', true, false, servedFirst],
      ['Ningbo South Packaging Ltd.', true, true, servedSecond],
    ]);
    // the consent period started at the first service and moved to the second's: each has it whole
    expect(seen.clocks.find((c) => c.clock === 'mediationConsent')?.startedAt).to.equal(servedSecond);

    // the second respondent writes to everyone on the case; the first reads it
    await request(a.app)
      .post(`/api/cases/${id}/messages`)
      .set(second)
      .send({ body: 'South Packaging will join the mediation.', visibility: 'joint' })
      .expect(201);
    const read = await request(a.app).get(`/api/cases/${id}/messages`).set(first).expect(200);
    expect(read.body.items.map((m: { body: string }) => m.body)).to.include(
      'South Packaging will join the mediation.',
    );
    // and files evidence on the case
    await request(a.app)
      .post(`/api/cases/${id}/evidence`)
      .set(second)
      .field('description', 'Our supply contract with the seller')
      .attach('file', PNG, { filename: 'contract.png', contentType: 'image/png' })
      .expect(201);
    // the first respondent's caucus is theirs: the second may not write in it
    expectProblem(
      await request(a.app)
        .post(`/api/cases/${id}/messages`)
        .set(second)
        .send({ body: 'private', visibility: 'caucus:respondent' }),
      403,
    );

    // consent: the first alone does not start the sessions; both do
    await request(a.app).post(`/api/cases/${id}/actions`).set(first).send({ type: 'CONSENT' }).expect(200);
    const half = await respondentsOf(id, first);
    expect(half.stage).to.contain('awaitingConsent');
    expect(half.service.respondents.map((r) => r.consented)).to.deep.equal([true, false]);
    expectProblem(
      await request(a.app).post(`/api/cases/${id}/actions`).set(first).send({ type: 'CONSENT' }),
      403,
    );
    await request(a.app).post(`/api/cases/${id}/actions`).set(second).send({ type: 'CONSENT' }).expect(200);
    const both = await respondentsOf(id, second);
    expect(both.stage).to.contain('inSession');

    // the complainant was told of each respondent's consent step through the timeline
    const events = await request(a.app).get(`/api/cases/${id}/events`).set(as('complainant')).expect(200);
    const types = (events.body.items as { type: string; data: { respondent?: number } }[]).map((e) => e.type);
    expect(types.filter((x) => x === 'INVITATION_SENT')).to.have.length(3);
    expect(types.filter((x) => x === 'CONSENT')).to.have.length(2);
  });

  it('one respondent declining ends the mediation, whoever else consented', async () => {
    const id = await routed({
      ...complaint('Declined by one of two'),
      respondent: { name: 'West Lake Ltd.', type: 'enterprise', email: 'a@west-lake.example.cn' },
      otherRespondents: [{ name: 'East Hill Ltd.', type: 'enterprise', email: 'b@east-hill.example.cn' }],
    });
    const [la] = await linksMailedTo('a@west-lake.example.cn');
    const [lb] = await linksMailedTo('b@east-hill.example.cn');
    const ra = await request(a.app)
      .post(`/api/invitations/${la!}/register`)
      .send({ name: 'A', password: STRONG })
      .expect(201);
    const rb = await request(a.app)
      .post(`/api/invitations/${lb!}/register`)
      .send({ name: 'B', password: STRONG })
      .expect(201);
    const mediatorId = (
      (await request(a.app).get(`/api/cases/${id}`).set(as('admin'))).body as { mediatorId: string }
    ).mediatorId;
    await request(a.app)
      .post(`/api/cases/${id}/actions`)
      .set(as(mediatorId === 'u-mediator2' ? 'mediator2' : 'mediator'))
      .send({ type: 'ACCEPT_ASSIGNMENT' })
      .expect(200);
    await request(a.app)
      .post(`/api/cases/${id}/actions`)
      .set(bearer(ra.body.token as string))
      .send({ type: 'CONSENT' })
      .expect(200);
    await request(a.app)
      .post(`/api/cases/${id}/actions`)
      .set(bearer(rb.body.token as string))
      .send({ type: 'DECLINE', reason: 'we prefer court' })
      .expect(200);
    const after = await respondentsOf(id, as('admin'));
    expect(after.stage).to.not.contain('awaitingConsent').and.not.contain('inSession');
  });
});
