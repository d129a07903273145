import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { Binary, ObjectId } from 'mongodb';
import request from 'supertest';
import { connectDatabase } from '../../../server/db/connectDatabase.js';
import { buildOpenApiDocument } from '../../../server/openapi/buildOpenApiDocument.js';
import type { Complaint } from '../../../shared/schemas/complaint.js';
import { designPatentSmeEcommerce, smallTrademarkMediation } from '../../fixtures/complaints.js';
import { bearer } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory, type TestApp } from '../../support/testApp.js';
import { testConfig } from '../../support/testConfig.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';
import { documentedOperations } from './documentChecks.js';
import { responseChecker } from './responseChecker.js';

const USERS = [
  'complainant',
  'complainant2',
  'respondent',
  'mediator',
  'admin',
  'center',
  'enforcement',
  'investigator',
] as const;
type Who = (typeof USERS)[number];

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const TEXT = Buffer.from('Witness statement: the shop sign shows our mark.\n', 'utf8');

/** A mediation complaint against the demo respondent account. */
const tea: Complaint = {
  ...smallTrademarkMediation,
  respondent: { ...smallTrademarkMediation.respondent, email: 'respondent@demo.local' },
};

/** Collects a binary response body. */
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('OpenAPI document: real responses match it', () => {
  const t = useTestDatabase('openapiresponses');
  const doc = buildOpenApiDocument();
  const checker = responseChecker(doc);
  let a: TestApp;
  const tok = {} as Record<Who, string>;
  const as = (who: Who) => bearer(tok[who]);
  const ids = { tea: '', duplicate: '', decided: '', evidence: '' };

  /** Awaits a request, asserts its status and checks the response against the document. */
  const expectDocumented = async (req: request.Test, status: number): Promise<request.Response> => {
    const res = await req;
    expect(
      res.status,
      `${res.status}: ${typeof res.text === 'string' ? res.text.slice(0, 800) : ''}`,
    ).to.equal(status);
    checker.check(res);
    return res;
  };
  /** Takes an action, checking the response (and, when accepted, the body against the document). */
  const act = async (who: Who, id: string, action: Record<string, unknown>, status = 200) => {
    const path = `/api/cases/${id}/actions`;
    const res = await expectDocumented(request(a.app).post(path).set(as(who)).send(action), status);
    if (status === 200) checker.checkRequest('POST', path, action);
    return res;
  };
  const file = async (who: Who, complaint: Complaint, status = 201) => {
    const res = await expectDocumented(
      request(a.app).post('/api/cases').set(as(who)).send(complaint),
      status,
    );
    if (status === 201) checker.checkRequest('POST', '/api/cases', complaint);
    return res.body as { id: string };
  };
  const upload = (who: Who, id: string, content: Buffer, filename: string, contentType: string) =>
    request(a.app)
      .post(`/api/cases/${id}/evidence`)
      .set(as(who))
      .attach('file', content, { filename, contentType });

  before(async () => {
    await seedDirectory(t.db);
    a = buildTestApp(t.db);
    for (const who of USERS) tok[who] = await login(a.app, `${who}@demo.local`);
  });

  it('auth: sign-in, registration, the signed-in user', async () => {
    const post = (path: string) => request(a.app).post(path);
    const signIn = { email: 'admin@demo.local', password: 'sevenfold-demo' };
    await expectDocumented(post('/api/auth/login').send(signIn), 200);
    await expectDocumented(post('/api/auth/login').send({ ...signIn, password: 'not-the-password' }), 401);
    await expectDocumented(post('/api/auth/login').send({ email: 'nobody' }), 422);
    await expectDocumented(
      post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":'),
      400,
    );
    await expectDocumented(
      post('/api/auth/login').set('Content-Type', 'application/json; charset=latin1').send('{}'),
      415,
    );
    await expectDocumented(post('/api/auth/login').send({ ...signIn, password: 'x'.repeat(300_000) }), 413);
    const limited = buildTestApp(t.db, { config: testConfig({ LOGIN_FREE_FAILURES: '1' }) }).app;
    const wrong = { email: 'mediator@demo.local', password: 'not-the-password' };
    await expectDocumented(request(limited).post('/api/auth/login').send(wrong), 401);
    await expectDocumented(request(limited).post('/api/auth/login').send(wrong), 429);

    const account = { email: 'new.holder@example.com', password: 'a-long-password', name: 'New Holder' };
    await expectDocumented(post('/api/auth/register').send(account), 202);
    await expectDocumented(post('/api/auth/register').send(account), 202);
    const throttled = buildTestApp(t.db, { config: testConfig({ REGISTER_PER_IP_PER_HOUR: '1' }) }).app;
    await expectDocumented(request(throttled).post('/api/auth/register').send(account), 202);
    await expectDocumented(request(throttled).post('/api/auth/register').send(account), 429);
    await expectDocumented(post('/api/auth/register').send({ ...account, password: 'short' }), 422);
    await expectDocumented(post('/api/auth/register').send({ ...account, password: 'password12' }), 400);

    await expectDocumented(request(a.app).get('/api/auth/me').set(as('center')), 200);
    await expectDocumented(request(a.app).get('/api/auth/me'), 401);
    await expectDocumented(
      request(a.app).get('/api/auth/me').set('Authorization', 'Bearer not.a.valid-token'),
      401,
    );
  });

  it('users: creation by admins, the staff directory', async () => {
    const account = {
      email: 'second.respondent@example.com',
      password: 'a-long-password',
      name: 'Second Respondent',
      role: 'respondent',
    };
    const users = () => request(a.app).post('/api/users');
    await expectDocumented(users().set(as('admin')).send(account), 201);
    await expectDocumented(users().set(as('admin')).send(account), 409);
    await expectDocumented(
      users()
        .set(as('complainant'))
        .send({ ...account, email: 'x@example.com' }),
      403,
    );
    await expectDocumented(
      users()
        .set(as('admin'))
        .send({ ...account, role: 'pirate' }),
      422,
    );
    await expectDocumented(
      users()
        .set(as('admin'))
        .send({ ...account, email: 'y@example.com', role: 'officer' }),
      422,
    );

    await expectDocumented(request(a.app).get('/api/users').set(as('admin')), 200);
    await expectDocumented(request(a.app).get('/api/users?role=mediator').set(as('center')), 200);
    await expectDocumented(request(a.app).get('/api/users').set(as('complainant')), 403);
    await expectDocumented(request(a.app).get('/api/users?role=pirate').set(as('admin')), 400);

    const patch = (id: string) => request(a.app).patch(`/api/users/${id}`);
    await expectDocumented(patch('u-complainant2').set(as('admin')).send({ active: false }), 200);
    await expectDocumented(patch('u-complainant2').set(as('admin')).send({ active: true }), 200);
    await expectDocumented(patch('u-complainant2').set(as('complainant')).send({ active: false }), 403);
    await expectDocumented(patch('u-nobody').set(as('admin')).send({ active: false }), 404);
    await expectDocumented(patch('u-complainant2').set(as('admin')).send({ active: 'no' }), 422);
    await expectDocumented(patch('not%20an%20id').set(as('admin')).send({ active: false }), 400);
  });

  it('administration: organisations and staff (the supervisor, an organisation’s lead), with refusals', async () => {
    const orgs = () => request(a.app).post('/api/orgs');
    const org = {
      id: 'org-doc-aid',
      name: 'Documented Legal Aid',
      nameZh: '文档法律援助中心',
      type: 'legalServices',
      region: 'Chaoyang',
    };
    await expectDocumented(orgs().set(as('admin')).send(org), 201);
    checker.checkRequest('POST', '/api/orgs', org);
    await expectDocumented(orgs().set(as('admin')).send(org), 409);
    await expectDocumented(
      orgs()
        .set(as('center'))
        .send({ ...org, id: 'org-doc-2' }),
      403,
    );
    await expectDocumented(
      orgs()
        .set(as('admin'))
        .send({ ...org, id: 'org-doc-3', type: 'moon' }),
      422,
    );
    const patch = (id: string) => request(a.app).patch(`/api/orgs/${id}`);
    await expectDocumented(
      patch('org-doc-aid')
        .set(as('admin'))
        .send({ capacity: 40, expertise: ['trademark'] }),
      200,
    );
    checker.checkRequest('PATCH', '/api/orgs/org-doc-aid', { active: false });
    await expectDocumented(patch('org-doc-aid').set(as('admin')).send({ active: false }), 200);
    await expectDocumented(patch('org-doc-aid').set(as('mediator')).send({ active: true }), 403);
    await expectDocumented(patch('org-nowhere').set(as('admin')).send({ active: true }), 404);
    await expectDocumented(patch('bad$id').set(as('admin')).send({ active: true }), 400);
    await expectDocumented(patch('org-doc-aid').set(as('admin')).send({}), 422);
    await expectDocumented(request(a.app).get('/api/orgs').set(as('admin')), 200);
    await expectDocumented(request(a.app).get('/api/orgs').set(as('center')), 200);

    // the Zhongguancun center's lead (center@) manages its staff
    const staff = {
      email: 'doc.investigator@example.com',
      password: 'a-long-password',
      name: 'Documented Investigator',
      role: 'investigator',
      expertise: ['designPatent'],
      languages: ['zh', 'en'],
    };
    const made = await expectDocumented(request(a.app).post('/api/users').set(as('center')).send(staff), 201);
    checker.checkRequest('POST', '/api/users', staff);
    const madeId = (made.body as { id: string }).id;
    await expectDocumented(
      request(a.app)
        .post('/api/users')
        .set(as('center'))
        .send({ ...staff, email: 'other@example.com', orgId: 'org-bj-amr' }),
      403,
    );
    const change = { capacity: 6, languages: ['zh'] };
    await expectDocumented(request(a.app).patch(`/api/users/${madeId}`).set(as('center')).send(change), 200);
    checker.checkRequest('PATCH', `/api/users/${madeId}`, change);
    await expectDocumented(
      request(a.app).patch(`/api/users/${madeId}`).set(as('enforcement')).send(change),
      404,
    );
    await expectDocumented(
      request(a.app).get('/api/users?orgId=org-pc-zgc&includeInactive=true').set(as('center')),
      200,
    );
    // staff invited by e-mail: created without a password, the invitation resent, the link checked and used
    const invited = {
      email: 'doc.invited@example.com',
      invite: true,
      name: 'Documented Invitee',
      role: 'investigator',
    };
    const made2 = await expectDocumented(
      request(a.app).post('/api/users').set(as('center')).send(invited),
      201,
    );
    checker.checkRequest('POST', '/api/users', invited);
    const invitedId = (made2.body as { id: string }).id;
    await expectDocumented(request(a.app).post(`/api/users/${invitedId}/invitation`).set(as('center')), 200);
    await expectDocumented(request(a.app).post(`/api/users/${madeId}/invitation`).set(as('center')), 409);
    await expectDocumented(
      request(a.app).post(`/api/users/${invitedId}/invitation`).set(as('complainant')),
      403,
    );
    await expectDocumented(
      request(a.app).post(`/api/users/${invitedId}/invitation`).set(as('enforcement')),
      404,
    );
    await expectDocumented(request(a.app).post('/api/users/bad%20id/invitation').set(as('admin')), 400);
    const mails = await a.deps.db
      .collection('mail_outbox')
      .find({ template: 'staffInvitation', userId: invitedId })
      .toArray();
    const link = mails
      .map((m) => /staff-invitation\/([A-Za-z0-9_-]+)/.exec(String(m.text))?.[1])
      .filter(Boolean)
      .at(-1) as string;
    const check = { token: link };
    await expectDocumented(request(a.app).post('/api/staff-invitations/check').send(check), 200);
    checker.checkRequest('POST', '/api/staff-invitations/check', check);
    await expectDocumented(request(a.app).post('/api/staff-invitations/check').send({ token: 'x' }), 422);
    const accept = { token: link, password: 'Lantern-orchard-47-quietly' };
    await expectDocumented(
      request(a.app)
        .post('/api/staff-invitations/accept')
        .send({ ...accept, password: 'password123' }),
      400,
    );
    await expectDocumented(request(a.app).post('/api/staff-invitations/accept').send(accept), 200);
    checker.checkRequest('POST', '/api/staff-invitations/accept', accept);
    await expectDocumented(request(a.app).post('/api/staff-invitations/accept').send(accept), 422);
  });

  it('cases: filing with idempotency, lists, detail, timeline, routing preview', async () => {
    ids.tea = (await file('complainant', tea)).id;
    const keyed = (key: string, body: Complaint) =>
      request(a.app).post('/api/cases').set(as('complainant')).set('Idempotency-Key', key).send(body);
    // rights of their own, so these filings are not flagged as duplicates of the first
    const other = { ...tea, title: 'Another shop using our tea mark', rights: [{ number: 'TM 99990001' }] };
    await expectDocumented(keyed('openapi-1', other), 201);
    const replay = await expectDocumented(keyed('openapi-1', other), 201);
    expect(replay.headers['idempotent-replayed']).to.equal('true');
    await expectDocumented(keyed('openapi-1', { ...other, title: 'Changed title' }), 422);
    await expectDocumented(keyed('not a key!', other), 400);
    const raced = { ...other, rights: [{ number: 'TM 99990002' }] };
    const racing = await Promise.all(Array.from({ length: 6 }, () => keyed('openapi-race', raced)));
    for (const res of racing) checker.check(res);
    await file('mediator', tea, 403);
    await file('complainant', { ...tea, ipType: 'spaceship' } as unknown as Complaint, 422);

    for (const who of ['complainant', 'admin', 'respondent'] as const) {
      await expectDocumented(request(a.app).get(`/api/cases/${ids.tea}`).set(as(who)), 200);
      await expectDocumented(request(a.app).get('/api/cases?limit=2&sort=-filedAt').set(as(who)), 200);
    }
    await expectDocumented(
      request(a.app).get('/api/cases?q=tea&status=screening&overdue=false').set(as('admin')),
      200,
    );
    await expectDocumented(request(a.app).get('/api/cases?limit=0').set(as('admin')), 400);
    await expectDocumented(request(a.app).get('/api/cases?status[$ne]=closed').set(as('admin')), 400);
    await expectDocumented(request(a.app).get('/api/cases'), 401);
    await expectDocumented(request(a.app).get('/api/cases/counts').set(as('admin')), 200);
    await expectDocumented(request(a.app).get('/api/cases/counts').set(as('mediator')), 200);
    await expectDocumented(request(a.app).get('/api/cases/desk?queue=screening').set(as('admin')), 200);
    await expectDocumented(
      request(a.app).get('/api/cases/desk?queue=inChannel&page=2').set(as('center')),
      200,
    );
    await expectDocumented(request(a.app).get('/api/cases/desk?queue=everything').set(as('admin')), 400);
    await expectDocumented(request(a.app).get('/api/cases/desk?queue=screening'), 401);
    await expectDocumented(request(a.app).get(`/api/cases/${ids.tea}`).set(as('complainant2')), 404);
    await expectDocumented(request(a.app).get('/api/cases/not$an$id').set(as('admin')), 400);

    await expectDocumented(request(a.app).get(`/api/cases/${ids.tea}/events`).set(as('complainant')), 200);
    await expectDocumented(request(a.app).get(`/api/cases/${ids.tea}/events?after=-1`).set(as('admin')), 400);
    await expectDocumented(request(a.app).get(`/api/cases/${ids.tea}/events`).set(as('complainant2')), 404);
    await expectDocumented(request(a.app).get(`/api/cases/${ids.tea}/integrity`).set(as('complainant')), 200);
    await expectDocumented(
      request(a.app).get(`/api/cases/${ids.tea}/events/1/calendar.ics`).set(as('complainant')),
      404,
    );
    await expectDocumented(
      request(a.app).get(`/api/cases/${ids.tea}/events/0/calendar.ics`).set(as('complainant')),
      400,
    );
    await expectDocumented(request(a.app).get('/api/orgs?type=protectionCenter').set(as('admin')), 200);
    await expectDocumented(request(a.app).get('/api/orgs?type=nope').set(as('admin')), 400);
    await expectDocumented(request(a.app).get('/api/orgs?type=mediation').set(as('complainant')), 403);
    await expectDocumented(
      request(a.app).get(`/api/cases/${ids.tea}/file.zip`).set(as('complainant')).buffer(true).parse(binary),
      200,
    );
    await expectDocumented(request(a.app).get(`/api/cases/bad!id/file.zip`).set(as('complainant')), 400);
    await expectDocumented(request(a.app).get(`/api/cases/${ids.tea}/file.zip`).set(as('complainant2')), 404);
    await expectDocumented(request(a.app).get(`/api/cases/bad!id/integrity`).set(as('complainant')), 400);
    await expectDocumented(
      request(a.app).get(`/api/cases/${ids.tea}/integrity`).set(as('complainant2')),
      404,
    );
    await expectDocumented(request(a.app).get(`/api/cases/${ids.tea}/actions`).set(as('admin')), 200);
    await expectDocumented(request(a.app).get(`/api/cases/${ids.tea}/actions`).set(as('complainant')), 200);
    await expectDocumented(request(a.app).get(`/api/cases/${ids.tea}/actions`).set(as('complainant2')), 404);

    const preview = (who: Who, body: unknown) =>
      request(a.app)
        .post('/api/routing/preview')
        .set(as(who))
        .send(body as object);
    await expectDocumented(preview('complainant', tea), 200);
    await expectDocumented(preview('admin', tea), 200);
    await expectDocumented(preview('complainant', { ...tea, rights: [] }), 422);
  });

  it('cases: duplicate flags as staff and as parties see them', async () => {
    ids.duplicate = (await file('complainant', { ...tea, title: 'Tea mark, filed again' })).id;
    for (const who of ['admin', 'complainant', 'respondent'] as const) {
      const res = await expectDocumented(request(a.app).get(`/api/cases/${ids.duplicate}`).set(as(who)), 200);
      expect((res.body as { flags: { duplicate: unknown[] } }).flags.duplicate).to.have.length(1);
    }
  });

  it('cases: actions through mediation, with refusals', async () => {
    const id = ids.tea;
    await act('admin', id, { type: 'ACCEPT', expectedSeq: 1 });
    await act('admin', id, { type: 'ROUTE', channel: 'mediation', expectedSeq: 1 }, 409);
    await act('admin', id, { type: 'SIGN_AGREEMENT' }, 409);
    await act('complainant', id, { type: 'ROUTE', channel: 'mediation' }, 403);
    await act('admin', id, { type: 'ROUTE', channel: 'moon' }, 422);
    await act('admin', id, { type: 'NO_SUCH_THING' }, 422);
    await act('complainant2', id, { type: 'WITHDRAW' }, 404);
    await expectDocumented(
      request(a.app).post('/api/cases/bad$id/actions').set(as('admin')).send({ type: 'ACCEPT' }),
      400,
    );
    await act('admin', id, {
      type: 'ROUTE',
      channel: 'mediation',
      reason: 'Both sides consent to mediation.',
    });
    await act('mediator', id, { type: 'ACCEPT_ASSIGNMENT', note: '' });
    await act('respondent', id, { type: 'CONSENT' });
    const scheduled = await act('mediator', id, {
      type: 'SCHEDULE_SESSION',
      sessionAt: '2031-03-04T02:00:00.000Z',
    });
    await expectDocumented(
      request(a.app)
        .get(`/api/cases/${id}/events/${(scheduled.body as { seq: number }).seq}/calendar.ics?lang=en`)
        .set(as('complainant')),
      200,
    );
    await act('mediator', id, { type: 'RECORD_SESSION', notes: 'Both sides met; licence terms discussed.' });
    await act('mediator', id, { type: 'REQUEST_EXTENSION', days: 20, reason: 'Close to agreement.' });
    await act('mediator', id, {
      type: 'PROPOSE_AGREEMENT',
      terms: 'The shop changes its sign within 30 days.',
    });
    const draft = await expectDocumented(
      request(a.app).get(`/api/cases/${id}/agreement`).set(as('complainant')),
      200,
    );
    const agreementSha256 = (draft.body as { sha256: string }).sha256;
    await act('complainant', id, { type: 'SIGN_AGREEMENT', agreementSha256 });
    await act('respondent', id, { type: 'SIGN_AGREEMENT', agreementSha256 });
    // the generated documents (issue 13): listed, downloaded, checked; the case file as a PDF
    await a.engine.documents.drain({ caseId: id });
    const listed = await expectDocumented(
      request(a.app).get(`/api/cases/${id}/documents`).set(as('respondent')),
      200,
    );
    const first = (listed.body as { items: { id: string }[] }).items[0]?.id as string;
    await expectDocumented(
      request(a.app)
        .get(`/api/cases/${id}/documents/${first}/download`)
        .set(as('complainant'))
        .buffer(true)
        .parse(binary),
      200,
    );
    await expectDocumented(
      request(a.app).get(`/api/cases/${id}/documents/${first}/integrity`).set(as('complainant')),
      200,
    );
    await expectDocumented(
      request(a.app).get(`/api/cases/${id}/documents/9999-closureNotice-en/download`).set(as('complainant')),
      404,
    );
    await expectDocumented(
      request(a.app).get(`/api/cases/${id}/documents/nope/download`).set(as('complainant')),
      400,
    );
    await expectDocumented(
      request(a.app).get(`/api/cases/${id}/documents/9999-closureNotice-en/integrity`).set(as('complainant')),
      404,
    );
    await expectDocumented(
      request(a.app).get(`/api/cases/${id}/documents/nope/integrity`).set(as('complainant')),
      400,
    );
    await expectDocumented(request(a.app).get(`/api/cases/${id}/documents`).set(as('complainant2')), 404);
    await expectDocumented(request(a.app).get(`/api/cases/bad!id/documents`).set(as('complainant')), 400);
    await expectDocumented(
      request(a.app).get(`/api/cases/${ids.duplicate}/agreement`).set(as('complainant')),
      404,
    );
    await expectDocumented(request(a.app).get(`/api/cases/bad!id/agreement`).set(as('complainant')), 400);
    await expectDocumented(
      request(a.app)
        .get(`/api/cases/${id}/file.pdf?lang=en`)
        .set(as('complainant'))
        .buffer(true)
        .parse(binary),
      200,
    );
    await expectDocumented(
      request(a.app).get(`/api/cases/${id}/file.pdf?lang=fr`).set(as('complainant')),
      400,
    );
    await expectDocumented(request(a.app).get(`/api/cases/${id}/file.pdf`).set(as('complainant2')), 404);
    for (const who of ['complainant', 'mediator', 'admin'] as const) {
      await expectDocumented(request(a.app).get(`/api/cases/${id}`).set(as(who)), 200);
      await expectDocumented(request(a.app).get(`/api/cases/${id}/events`).set(as(who)), 200);
      await expectDocumented(request(a.app).get(`/api/cases/${id}/actions`).set(as(who)), 200);
    }
  });

  it('messages: joint and caucus, with refusals', async () => {
    const post = (who: Who, body: unknown, id = ids.tea) =>
      request(a.app)
        .post(`/api/cases/${id}/messages`)
        .set(as(who))
        .send(body as object);
    await expectDocumented(post('complainant', { body: 'We propose a meeting.', visibility: 'joint' }), 201);
    await expectDocumented(
      post('mediator', { body: 'Your lowest figure?', visibility: 'caucus:complainant' }),
      201,
    );
    await expectDocumented(
      post('complainant', { body: 'CNY 40,000.', visibility: 'caucus:complainant' }),
      201,
    );
    await expectDocumented(
      post('respondent', { body: 'Reading along.', visibility: 'caucus:complainant' }),
      403,
    );
    await expectDocumented(post('complainant', { body: '', visibility: 'everyone' }), 422);
    await expectDocumented(post('complainant2', { body: 'Hello', visibility: 'joint' }), 404);
    await expectDocumented(
      post('complainant', { body: 'Hello', visibility: 'caucus:complainant' }, ids.duplicate),
      409,
    );
    await expectDocumented(
      request(a.app)
        .post('/api/cases/bad$id/messages')
        .set(as('admin'))
        .send({ body: 'x', visibility: 'joint' }),
      400,
    );
    for (const who of ['complainant', 'respondent', 'mediator'] as const) {
      await expectDocumented(request(a.app).get(`/api/cases/${ids.tea}/messages?limit=1`).set(as(who)), 200);
    }
    await expectDocumented(
      request(a.app).get(`/api/cases/${ids.tea}/messages?limit=0`).set(as('mediator')),
      400,
    );
    await expectDocumented(request(a.app).get(`/api/cases/${ids.tea}/messages`).set(as('complainant2')), 404);
  });

  it('evidence: upload, list, download, with refusals', async () => {
    const id = ids.tea;
    const png = await expectDocumented(upload('complainant', id, PNG, 'shop sign.png', 'image/png'), 201);
    const text = await expectDocumented(
      upload('respondent', id, TEXT, 'statement.txt', 'text/plain').field('description', 'Our statement'),
      201,
    );
    ids.evidence = (text.body as { id: string }).id;
    await expectDocumented(request(a.app).get(`/api/cases/${id}/evidence`).set(as('mediator')), 200);
    const download = (evidenceId: string, who: Who = 'complainant', caseId = id) =>
      request(a.app)
        .get(`/api/cases/${caseId}/evidence/${evidenceId}/download`)
        .set(as(who))
        .buffer(true)
        .parse(binary);
    for (const evidenceId of [(png.body as { id: string }).id, ids.evidence]) {
      await expectDocumented(download(evidenceId), 200);
    }
    await expectDocumented(download('not-hex'), 400);
    await expectDocumented(download(new ObjectId().toHexString()), 404);
    await expectDocumented(download(ids.evidence, 'complainant2'), 404);

    await expectDocumented(upload('complainant2', id, PNG, 'x.png', 'image/png'), 404);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00', 'latin1'), randomBytes(200)]);
    await expectDocumented(upload('complainant', id, exe, 'setup.exe', 'application/x-msdownload'), 415);
    await expectDocumented(
      request(a.app).post(`/api/cases/${id}/evidence`).set(as('complainant')).send({ file: 'x' }),
      415,
    );
    await expectDocumented(
      request(a.app).post(`/api/cases/${id}/evidence`).set(as('complainant')).field('description', 'no file'),
      422,
    );
    await expectDocumented(
      request(a.app)
        .post(`/api/cases/${id}/evidence`)
        .set(as('complainant'))
        .set('Content-Type', 'multipart/form-data; boundary=xyz')
        .send('--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nunfinished'),
      400,
    );
    const small = buildTestApp(t.db, { config: testConfig({ EVIDENCE_MAX_BYTES: '2048' }) }).app;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(8000)]);
    await expectDocumented(
      request(small)
        .post(`/api/cases/${id}/evidence`)
        .set(as('complainant'))
        .attach('file', pdf, { filename: 'big.pdf', contentType: 'application/pdf' }),
      413,
    );

    // a stored file changed behind the platform's back is reported, not served
    const chunks = t.db.db!.collection('evidence.chunks');
    await chunks.updateOne(
      { files_id: new ObjectId(ids.evidence), n: 0 },
      { $set: { data: new Binary(Buffer.from('Tampered statement.\n')) } },
    );
    await expectDocumented(download(ids.evidence), 409);
  });

  it('an administrative case to a decision: closing, the credit register, closed-case refusals', async () => {
    const id = (await file('complainant', designPatentSmeEcommerce)).id;
    ids.decided = id;
    await act('admin', id, { type: 'ACCEPT' });
    await act('admin', id, {
      type: 'ROUTE',
      channel: 'administrative',
      track: 'simple',
      reason: 'Counterfeits.',
    });
    await act('enforcement', id, { type: 'ACCEPT' });
    await act('enforcement', id, { type: 'ASSIGN_INVESTIGATOR', investigatorId: 'u-investigator' });
    await act('investigator', id, {
      type: 'SUBMIT_TECH_REPORT',
      summary: 'Every feature matches.',
      match: true,
    });
    await act('respondent', id, { type: 'RESPOND', answer: 'We bought the lamps from a wholesaler.' });
    await act('enforcement', id, { type: 'DETERMINE', infringement: true, remedy: 'cease' });
    await act('enforcement', id, { type: 'CLOSE' });
    for (const who of ['complainant', 'respondent', 'enforcement', 'admin'] as const) {
      await expectDocumented(request(a.app).get(`/api/cases/${id}`).set(as(who)), 200);
    }
    await expectDocumented(request(a.app).get(`/api/cases?status=closed`).set(as('enforcement')), 200);
    await expectDocumented(upload('complainant', id, PNG, 'late.png', 'image/png'), 409);
    await expectDocumented(
      request(a.app)
        .post(`/api/cases/${id}/messages`)
        .set(as('complainant'))
        .send({ body: 'x', visibility: 'joint' }),
      409,
    );

    const credit = (query: string) => request(a.app).get(`/api/credit${query}`).set(as('complainant2'));
    const found = await expectDocumented(credit('?name=Hangzhou%20Bright%20Trading'), 200);
    expect((found.body as { items: unknown[] }).items).to.have.length.greaterThan(0);
    await expectDocumented(credit(''), 400);
    await expectDocumented(credit(`?name=${encodeURIComponent('{"$ne":null}')}`), 400);
    await expectDocumented(request(a.app).get('/api/credit?name=x'), 401);

    // an entry notified to the respondent, inside its objection period: object, then staff decide
    const respondent = await t.db.collection('users').findOne({ email: 'respondent@demo.local' });
    const at = new Date();
    await t.db.collection('credit_register').insertOne({
      _id: 'doc-credit-1' as never,
      caseNo: 'SF-DOC-1',
      // its steps are recorded on the source case's log
      caseId: id,
      name: 'Documented Trading Co., Ltd.',
      nameKey: 'documented trading',
      partyType: 'enterprise',
      partyId: String(respondent?._id),
      rightNumber: 'ZL1',
      ipType: 'designPatent',
      decision: 'infringement:decided',
      legalBasis: 'Administrative decision',
      channel: 'administrative',
      date: at,
      status: 'final',
      listed: true,
      notifiedAt: at,
      objectionDueAt: new Date(at.getTime() + 86_400_000),
      objection: null,
      removeAfter: null,
      history: [],
    });
    const entry = '/api/credit/doc-credit-1';
    await expectDocumented(request(a.app).get(entry).set(as('respondent')), 200);
    await expectDocumented(request(a.app).get(entry).set(as('complainant2')), 404);
    await expectDocumented(request(a.app).get('/api/credit/bad$id').set(as('admin')), 400);
    const objection = { reason: 'The decision names another company.' };
    await expectDocumented(request(a.app).post(`${entry}/objection`).set(as('admin')).send(objection), 403);
    await expectDocumented(request(a.app).post(`${entry}/objection`).set(as('respondent')).send({}), 422);
    await expectDocumented(
      request(a.app).post(`${entry}/objection`).set(as('respondent')).send(objection),
      200,
    );
    checker.checkRequest('POST', `${entry}/objection`, objection);
    await expectDocumented(
      request(a.app).post(`${entry}/objection`).set(as('respondent')).send(objection),
      409,
    );
    const decision = {
      decision: 'correct',
      reason: 'Name corrected.',
      correction: { name: 'Documented Trade Co.' },
    };
    await expectDocumented(
      request(a.app).post(`${entry}/decision`).set(as('respondent')).send(decision),
      403,
    );
    await expectDocumented(request(a.app).post(`${entry}/decision`).set(as('admin')).send(decision), 200);
    checker.checkRequest('POST', `${entry}/decision`, decision);
    await expectDocumented(request(a.app).post(`${entry}/decision`).set(as('admin')).send(decision), 409);
  });

  it('invitations: open, register, claim, list, resend, new address, with refusals', async () => {
    const linkOf = async (caseId: string): Promise<string> => {
      const mails = await t.db
        .collection('mail_outbox')
        .find({ caseId, template: 'invitation' })
        .sort({ createdAt: -1 })
        .limit(1)
        .toArray();
      const token = /\/invitations\/([A-Za-z0-9_-]{43})/.exec(String(mails[0]?.text))?.[1];
      if (!token) throw new Error('no invitation mail');
      return token;
    };
    const routed = async (email: string) => {
      const { id } = await file('complainant', { ...tea, respondent: { ...tea.respondent, email } });
      await act('admin', id, { type: 'ACCEPT' });
      await act('admin', id, { type: 'ROUTE', channel: 'mediation' });
      return id;
    };
    const id = await routed('legal@invited.example.cn');
    const token = await linkOf(id);
    const open = (tk: string) => request(a.app).get(`/api/invitations/${tk}`);
    await expectDocumented(open(token), 200);
    await expectDocumented(open('x'), 400);
    await expectDocumented(open('A'.repeat(43)), 404);
    await expectDocumented(open(token).set('Authorization', 'Bearer not.a.valid-token'), 200);
    const register = (tk: string, body: object) =>
      request(a.app).post(`/api/invitations/${tk}/register`).send(body);
    await expectDocumented(register(token, { name: 'Legal' }), 422);
    await expectDocumented(register(token, { name: 'Legal', password: 'password12' }), 400);
    const reg = await expectDocumented(
      register(token, { name: 'Legal', password: 'violet-harbour-lantern-91' }),
      201,
    );
    checker.checkRequest('POST', `/api/invitations/${token}/register`, {
      name: 'Legal',
      password: 'violet-harbour-lantern-91',
    });
    await expectDocumented(register(token, { name: 'Legal', password: 'violet-harbour-lantern-91' }), 409);
    await expectDocumented(open(token).set(bearer(reg.body.token as string)), 200);

    const second = await routed('respondent@demo.local');
    const token2 = await linkOf(second);
    const claim = (who: Who) => request(a.app).post(`/api/invitations/${token2}/claim`).set(as(who));
    await expectDocumented(claim('complainant'), 403);
    await expectDocumented(claim('respondent'), 200);

    const third = await routed('first@third.example.cn');
    const staff = (path: string) => request(a.app).post(`/api/cases/${third}/invitations${path}`);
    await expectDocumented(request(a.app).get(`/api/cases/${third}/invitations`).set(as('admin')), 200);
    await expectDocumented(request(a.app).get(`/api/cases/${third}/invitations`).set(as('complainant')), 403);
    await expectDocumented(request(a.app).get(`/api/cases/bad$id/invitations`).set(as('admin')), 400);
    await expectDocumented(
      request(a.app).get(`/api/cases/${third}/invitations`).set(as('complainant2')),
      404,
    );
    const firstLink = await linkOf(third);
    await expectDocumented(staff('').set(as('admin')), 201);
    await expectDocumented(open(firstLink), 410);
    await expectDocumented(staff('').set(as('complainant')), 403);
    const address = { email: 'legal@third.example.cn' };
    await expectDocumented(staff('/address').set(as('admin')).send(address), 201);
    checker.checkRequest('POST', `/api/cases/${third}/invitations/address`, address);
    await expectDocumented(staff('/address').set(as('admin')).send(address), 409);
    await expectDocumented(staff('/address').set(as('admin')).send({ email: 'no' }), 422);
    const limited = buildTestApp(t.db, { config: testConfig({ INVITATION_LOOKUPS_PER_MINUTE: '1' }) }).app;
    await expectDocumented(request(limited).get(`/api/invitations/${'C'.repeat(43)}`), 404);
    await expectDocumented(request(limited).get(`/api/invitations/${'C'.repeat(43)}`), 429);
  });

  it('stats: admins and officers, with refusals', async () => {
    await expectDocumented(request(a.app).get('/api/stats').set(as('admin')), 200);
    await expectDocumented(
      request(a.app).get('/api/stats?from=2020-01-01&to=2040-12-31').set(as('enforcement')),
      200,
    );
    await expectDocumented(request(a.app).get('/api/stats').set(as('complainant')), 403);
    await expectDocumented(request(a.app).get('/api/stats?from=yesterday').set(as('admin')), 400);
  });

  it('audit: the audit log and a case’s access log, with refusals', async () => {
    await expectDocumented(request(a.app).get('/api/audit?limit=5').set(as('admin')), 200);
    await expectDocumented(request(a.app).get('/api/audit?kind=user.create').set(as('center')), 200);
    await expectDocumented(request(a.app).get('/api/audit').set(as('complainant')), 403);
    await expectDocumented(request(a.app).get('/api/audit?kind=nothing').set(as('admin')), 400);
    const log = (who: Who, id = ids.tea) => request(a.app).get(`/api/cases/${id}/access-log`).set(as(who));
    await expectDocumented(log('admin'), 200);
    await expectDocumented(log('complainant'), 403);
    await expectDocumented(log('complainant2'), 404);
    await expectDocumented(log('admin', 'bad$id'), 400);
  });

  it('public pages, the staff credit register, supervision reports and the case export', async () => {
    await expectDocumented(request(a.app).get('/api/public/metrics'), 200);
    await expectDocumented(request(a.app).get('/api/public/credit?page=1&limit=5'), 200);
    await expectDocumented(request(a.app).get('/api/public/credit?page=0'), 400);
    const report = {
      anonymous: true,
      subject: '某网店',
      place: 'online',
      location: 'https://shop.example.com/1',
      ipType: 'trademark',
      description: '销售假冒商标的茶叶礼盒。',
    };
    const sent = await expectDocumented(request(a.app).post('/api/public/reports').send(report), 201);
    expect(sent.body).to.have.property('id');
    checker.checkRequest('POST', '/api/public/reports', report);
    await expectDocumented(
      request(a.app)
        .post('/api/public/reports')
        .send({ ...report, anonymous: false }),
      422,
    );
    await expectDocumented(request(a.app).get('/api/supervision/reports').set(as('admin')), 200);
    await expectDocumented(request(a.app).get('/api/supervision/reports').set(as('center')), 403);
    await expectDocumented(request(a.app).get('/api/supervision/reports?page=x').set(as('admin')), 400);
    await expectDocumented(request(a.app).get('/api/supervision/reports?status=new').set(as('admin')), 200);
    const reportId = (sent.body as { id: string }).id;
    const reportPath = `/api/supervision/reports/${reportId}`;
    await expectDocumented(request(a.app).get(reportPath).set(as('admin')), 200);
    await expectDocumented(request(a.app).get(reportPath).set(as('center')), 403);
    await expectDocumented(request(a.app).get('/api/supervision/reports/nope').set(as('admin')), 400);
    await expectDocumented(
      request(a.app).get('/api/supervision/reports/00000000-0000-4000-8000-000000000000').set(as('admin')),
      404,
    );
    const acknowledge = { type: 'acknowledge' };
    await expectDocumented(
      request(a.app).post(`${reportPath}/actions`).set(as('admin')).send(acknowledge),
      200,
    );
    checker.checkRequest('POST', `${reportPath}/actions`, acknowledge);
    await expectDocumented(
      request(a.app).post(`${reportPath}/actions`).set(as('admin')).send(acknowledge),
      409,
    );
    await expectDocumented(
      request(a.app).post(`${reportPath}/actions`).set(as('admin')).send({ type: 'handle' }),
      422,
    );
    await expectDocumented(
      request(a.app)
        .post(`${reportPath}/actions`)
        .set(as('admin'))
        .send({ type: 'handle', note: '查无此店。', caseNo: 'NO-SUCH-CASE' }),
      422,
    );
    const handle = { type: 'handle', note: '已转交市场监管部门查处。' };
    await expectDocumented(request(a.app).post(`${reportPath}/actions`).set(as('admin')).send(handle), 200);
    checker.checkRequest('POST', `${reportPath}/actions`, handle);
    await expectDocumented(request(a.app).get('/api/credit/register').set(as('admin')), 200);
    await expectDocumented(
      request(a.app).get('/api/credit/register?status=final').set(as('enforcement')),
      200,
    );
    await expectDocumented(request(a.app).get('/api/credit/register').set(as('complainant')), 403);
    await expectDocumented(request(a.app).get('/api/credit/register?status=x').set(as('admin')), 400);
    await expectDocumented(request(a.app).get('/api/exports/cases?q=tea').set(as('admin')), 200);
    await expectDocumented(request(a.app).get('/api/exports/cases').set(as('complainant')), 403);
    await expectDocumented(request(a.app).get('/api/exports/cases?lang=fr').set(as('admin')), 400);
  });

  it('operations: health, readiness, metrics, this document; 503 while the database is down', async () => {
    await expectDocumented(request(a.app).get('/healthz'), 200);
    await expectDocumented(request(a.app).get('/readyz'), 200);
    await expectDocumented(request(a.app).get('/metrics'), 200);
    await expectDocumented(request(a.app).get('/api/openapi.json'), 200);

    const conn = await connectDatabase(t.uri);
    const down = buildTestApp(conn).app;
    await conn.close();
    await expectDocumented(request(down).get('/readyz'), 503);
    await expectDocumented(
      request(down).post('/api/auth/login').send({ email: 'admin@demo.local', password: 'sevenfold-demo' }),
      503,
    );
  });

  it('notifications, settings, the outbox and sessions (issue 12)', async () => {
    const get = (who: Who, path: string) => request(a.app).get(path).set(as(who));
    const post = (who: Who, path: string) => request(a.app).post(path).set(as(who));
    // the tea case of the earlier tests told the mediator of its assignment
    const page = (await expectDocumented(get('mediator', '/api/notifications?limit=5'), 200)).body as {
      items: { id: string }[];
    };
    expect(page.items.length).to.be.greaterThan(0);
    await expectDocumented(get('mediator', '/api/notifications?limit=0'), 400);
    await expectDocumented(post('mediator', `/api/notifications/${page.items[0]?.id}/read`), 200);
    await expectDocumented(post('respondent', `/api/notifications/${page.items[0]?.id}/read`), 404);
    await expectDocumented(post('mediator', '/api/notifications/not-an-id/read'), 400);
    await expectDocumented(post('mediator', '/api/notifications/read-all'), 200);
    await expectDocumented(get('mediator', '/api/notifications/settings'), 200);
    const settings = { language: 'zh-CN', mailKinds: ['assignment', 'clockWarning'] };
    await expectDocumented(
      request(a.app).patch('/api/notifications/settings').set(as('mediator')).send(settings),
      200,
    );
    checker.checkRequest('PATCH', '/api/notifications/settings', settings);
    await expectDocumented(
      request(a.app).patch('/api/notifications/settings').set(as('mediator')).send({ language: 'fr' }),
      422,
    );

    const outbox = (await expectDocumented(get('admin', '/api/mail/outbox?limit=2'), 200)).body as {
      items: { id: string }[];
    };
    await expectDocumented(
      get('admin', `/api/mail/outbox/${encodeURIComponent(outbox.items[0]?.id ?? '')}`),
      200,
    );
    await expectDocumented(get('admin', '/api/mail/outbox/no-such-mail'), 404);
    await expectDocumented(get('admin', '/api/mail/outbox/bad%20id'), 400);
    await expectDocumented(get('admin', '/api/mail/outbox?limit=x'), 400);
    await expectDocumented(get('mediator', '/api/mail/outbox'), 403);
    await expectDocumented(get('mediator', '/api/mail/outbox/no-such-mail'), 403);

    const reset = { email: 'investigator@demo.local' };
    await expectDocumented(request(a.app).post('/api/auth/password-reset').send(reset), 202);
    checker.checkRequest('POST', '/api/auth/password-reset', reset);
    await expectDocumented(request(a.app).post('/api/auth/password-reset').send({ email: 'x' }), 422);
    const limited = buildTestApp(t.db, { config: testConfig({ PASSWORD_RESET_PER_HOUR: '1' }) }).app;
    await expectDocumented(request(limited).post('/api/auth/password-reset').send(reset), 202);
    await expectDocumented(request(limited).post('/api/auth/password-reset').send(reset), 429);
    const confirm = { token: 'A'.repeat(43), password: 'Lantern-orchard-47-quietly' };
    await expectDocumented(request(a.app).post('/api/auth/password-reset/confirm').send(confirm), 422);
    await expectDocumented(
      request(a.app)
        .post('/api/auth/password-reset/confirm')
        .send({ ...confirm, password: 'password123' }),
      400,
    );
    // a token from the mail (kept in the local outbox: the test app has no SMTP_URL)
    let token = '';
    for (let i = 0; i < 100 && !token; i++) {
      const mail = await a.deps.db
        .collection('mail_outbox')
        .findOne({ template: 'passwordReset', to: reset.email });
      token = /reset-password\/([A-Za-z0-9_-]+)/.exec(String(mail?.text ?? ''))?.[1] ?? '';
      if (!token) await new Promise((r) => setTimeout(r, 20));
    }
    await expectDocumented(
      request(a.app)
        .post('/api/auth/password-reset/confirm')
        .send({ ...confirm, token }),
      204,
    );
    checker.checkRequest('POST', '/api/auth/password-reset/confirm', { ...confirm, token });

    const investigator = await login(a.app, 'investigator@demo.local', confirm.password);
    const renewed = await expectDocumented(
      request(a.app).post('/api/auth/refresh').set(bearer(investigator)),
      200,
    );
    const change = { currentPassword: confirm.password, password: 'Quiet-harbour-lamps-93' };
    await expectDocumented(
      request(a.app)
        .post('/api/auth/password')
        .set(bearer(renewed.body.token as string))
        .send({ ...change, currentPassword: 'wrong-one-1' }),
      403,
    );
    await expectDocumented(
      request(a.app)
        .post('/api/auth/password')
        .set(bearer(renewed.body.token as string))
        .send({ ...change, password: 'password123' }),
      400,
    );
    await expectDocumented(
      request(a.app)
        .post('/api/auth/password')
        .set(bearer(renewed.body.token as string))
        .send({}),
      422,
    );
    const changed = await expectDocumented(
      request(a.app)
        .post('/api/auth/password')
        .set(bearer(renewed.body.token as string))
        .send(change),
      200,
    );
    checker.checkRequest('POST', '/api/auth/password', change);
    await expectDocumented(
      request(a.app)
        .post('/api/auth/sign-out-everywhere')
        .set(bearer(changed.body.token as string)),
      204,
    );
    tok.investigator = await login(a.app, 'investigator@demo.local', change.password);
  });

  it('every signed-in operation answers 401 without a valid token', async () => {
    const concrete = (path: string) =>
      path.replace('{id}', ids.tea).replace('{evidenceId}', ids.evidence || new ObjectId().toHexString());
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!op.security) continue;
        const req =
          method === 'post' || method === 'patch'
            ? request(a.app)[method](concrete(path)).send({})
            : request(a.app).get(concrete(path));
        await expectDocumented(req.set('Authorization', 'Bearer expired.or.forged-token'), 401);
      }
    }
    await expectDocumented(request(a.app).get('/api/cases/bad$id/evidence').set(as('admin')), 400);
    await expectDocumented(request(a.app).get(`/api/cases/${ids.tea}/evidence`).set(as('complainant2')), 404);
  });

  it('exercised every documented operation with a success', () => {
    const succeeded = new Set(
      [...checker.seen].filter((s) => /\s2\d\d$/.test(s)).map((s) => s.replace(/\s\d{3}$/, '')),
    );
    const missing = documentedOperations(doc).filter((op) => !succeeded.has(op));
    expect(missing).to.deep.equal([]);
    const statuses = new Set([...checker.seen].map((s) => s.slice(-3)));
    expect([...statuses].sort()).to.include.members([
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '415',
      '422',
      '429',
      '503',
    ]);
  });
});
