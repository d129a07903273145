/**
 * Injection and mass assignment: query operators (`$ne`, `$gt`, `$where`, `$regex`), as JSON text, as
 * bracket syntax and as JSON objects, in every filter, id and payload position; fields a client must
 * never set through any body; oversized and mistyped bodies. Each is refused with a problem+json 4xx
 * or treated as a plain value that returns no one else's data, and nothing changes in the database.
 */
import { createHash } from 'node:crypto';
import { expect } from 'chai';
import type { Express } from 'express';
import request, { type Response } from 'supertest';
import { creditEntryModel } from '../../../server/credit/creditEntryModel.js';
import { userModel } from '../../../server/users/userModel.js';
import { designPatentSmeEcommerce } from '../../fixtures/complaints.js';
import { mediationComplaint } from '../../support/caseApi.js';
import { expectProblem } from '../../support/problem.js';
import { buildTestApp, login, seedDirectory } from '../../support/testApp.js';
import { testConfig } from '../../support/testConfig.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

type Who =
  'complainant' | 'complainant2' | 'respondent' | 'mediator' | 'center' | 'investigator' | 'court' | 'admin';

/** Operator values as a client could smuggle them in a JSON body. */
const OPERATOR_OBJECTS: Record<string, unknown>[] = [
  { $ne: null },
  { $gt: '' },
  { $where: 'sleep(100)' },
  { $regex: '.*' },
  { $in: ['u-admin'] },
  { $exists: true },
];
/** The same operators as the text of a query value or path segment. */
const OPERATOR_TEXTS = OPERATOR_OBJECTS.map((o) => JSON.stringify(o));
/** Bracket syntax (`?key[$ne]=x`), which an extended query parser would turn into an object. */
const BRACKETS = ['[$ne]=x', '[$gt]=', '[$where]=sleep(100)', '[$regex]=.*', '[]=a', '[0]=a'];

/** Path segments that must never be taken for an id. */
const BAD_IDS = [
  '%7B%22%24ne%22%3Anull%7D', // {"$ne":null}
  '%7B%22%24gt%22%3A%22%22%7D', // {"$gt":""}
  '%7B%22%24where%22%3A%22sleep(100)%22%7D', // {"$where":"sleep(100)"}
  '%7B%22%24regex%22%3A%22.*%22%7D', // {"$regex":".*"}
  '%24ne',
  '.%2A',
  '%5B%24ne%5D', // [$ne]
  'a%00b',
  "x'%20%7C%7C%20'1'%3D%3D'1",
  'x'.repeat(65),
];

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** Fields that belong to the server in a case, a user, a message or an event. */
const SERVER_FIELDS: Record<string, unknown> = {
  status: 'closed',
  stage: 'closed',
  seq: 99,
  role: 'admin',
  orgId: 'org-pc-zgc',
  hash: 'f'.repeat(64),
  lastHash: 'f'.repeat(64),
  prevHash: 'f'.repeat(64),
  _id: 'u-admin',
  id: 'u-admin',
  complainantId: 'u-complainant2',
  respondentId: 'u-complainant2',
  mediatorId: 'u-complainant2',
  participantIds: ['u-complainant2'],
  caseNo: 'SF-2000-000001',
  snapshot: { value: 'closed' },
  actor: { id: 'system', role: 'system' },
  at: '2020-01-01T00:00:00.000Z',
  passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$AAAA$AAAA',
  active: true,
  authorId: 'u-admin',
  createdAt: '2020-01-01T00:00:00.000Z',
};

describe('injection and mass assignment', () => {
  const t = useTestDatabase('injection');
  let app: Express;
  const tokens = {} as Record<Who, string>;
  const as = (who: Who) => ({ Authorization: `Bearer ${tokens[who]}` });
  let caseM: string;
  let caseF: string;
  let caseC2: string;
  let evidenceC2: string;

  /** Asserts a problem+json 4xx (never a 5xx) and returns it. */
  const refused = (res: Response, status: number, label: string) => {
    expect(res.status, `${label}: ${res.text}`).to.equal(status);
    return expectProblem(res, status);
  };
  const caseState = async (id: string) => {
    const res = await request(app).get(`/api/cases/${id}`).set(as('admin')).expect(200);
    const c = res.body as Record<string, unknown>;
    return {
      seq: c.seq,
      status: c.status,
      stage: c.stage,
      orgId: c.orgId,
      mediatorId: c.mediatorId,
      investigatorId: c.investigatorId,
      arbitratorId: c.arbitratorId,
      respondent: c.respondent,
    };
  };
  const caseCount = () => request(app).get('/api/cases?limit=1').set(as('admin')).expect(200);

  before(async function () {
    this.timeout(60_000);
    await seedDirectory(t.db);
    // the login limits are tested elsewhere (test/server/auth): the test configuration lets many
    // refused sign-ins through without 429s
    app = buildTestApp(t.db, { config: testConfig() }).app;
    for (const who of [
      'complainant',
      'complainant2',
      'respondent',
      'mediator',
      'center',
      'investigator',
      'court',
      'admin',
    ] as const)
      tokens[who] = await login(app, `${who}@demo.local`);

    const file = async (who: Who, body: object) => {
      const res = await request(app).post('/api/cases').set(as(who)).send(body).expect(201);
      return (res.body as { id: string }).id;
    };
    const act = async (who: Who, id: string, body: object) => {
      const res = await request(app).post(`/api/cases/${id}/actions`).set(as(who)).send(body);
      expect(res.status, res.text).to.equal(200);
    };

    // M: mediation waiting for the mediator's acceptance, with a complainant's caucus message
    caseM = await file('complainant', mediationComplaint('Injection M: tea mark'));
    await act('admin', caseM, { type: 'ACCEPT' });
    await act('admin', caseM, { type: 'ROUTE', channel: 'mediation' });
    await request(app)
      .post(`/api/cases/${caseM}/messages`)
      .set(as('complainant'))
      .send({ body: 'Our bottom line is CNY 20,000.', visibility: 'caucus:complainant' })
      .expect(201);
    await request(app)
      .post(`/api/cases/${caseM}/messages`)
      .set(as('mediator'))
      .send({ body: 'Welcome to the mediation.', visibility: 'joint' })
      .expect(201);

    // F: fast track in technical comparison, no investigator yet
    caseF = await file('complainant', { ...designPatentSmeEcommerce, title: 'Injection F: lamp design' });
    await act('admin', caseF, { type: 'ACCEPT' });
    await act('admin', caseF, {
      type: 'ROUTE',
      channel: 'administrative',
      track: 'fast',
      orgId: 'org-pc-zgc',
    });
    await act('center', caseF, { type: 'ACCEPT' });

    // C2: complainant2's own case, with evidence
    caseC2 = await file('complainant2', {
      ...mediationComplaint('Injection C2: complainant2 only'),
      respondent: { name: 'Dongcheng Tea House', type: 'individual' },
    });
    const up = await request(app)
      .post(`/api/cases/${caseC2}/evidence`)
      .set(as('complainant2'))
      .attach('file', PNG, { filename: 'c2.png', contentType: 'image/png' })
      .expect(201);
    evidenceC2 = (up.body as { id: string }).id;

    await creditEntryModel(t.db).insertMany([
      {
        _id: 'credit-1',
        caseNo: 'SF-2025-000101',
        name: 'Hangzhou Bright Trading Co., Ltd.',
        nameKey: 'hangzhou bright trading',
        rightNumber: 'ZL202130123456.7',
        ipType: 'designPatent',
        decision: 'infringement:decided',
        channel: 'administrative',
        date: new Date('2025-06-01T00:00:00Z'),
      },
      {
        _id: 'credit-2',
        caseNo: 'SF-2025-000102',
        name: 'Shenzhen Voltcell Electronics Co., Ltd.',
        nameKey: 'shenzhen voltcell electronics',
        rightNumber: 'ZL201810000001.1',
        ipType: 'inventionPatent',
        decision: 'infringement:judged',
        channel: 'judicial',
        date: new Date('2025-07-01T00:00:00Z'),
      },
    ]);
  });

  describe('query operators in filters', () => {
    const CASE_FILTERS = [
      'status',
      'channel',
      'track',
      'ipType',
      'assignee',
      'overdue',
      'page',
      'limit',
      'sort',
    ];

    it('GET /api/cases: operators as text in every enum, number and boolean filter are 400', async () => {
      for (const key of CASE_FILTERS)
        for (const text of [...OPERATOR_TEXTS, '.*', 'closed|screening'])
          refused(
            await request(app)
              .get(`/api/cases?${key}=${encodeURIComponent(text)}`)
              .set(as('complainant2')),
            400,
            `${key}=${text}`,
          );
    });

    it('GET /api/cases: bracket syntax and repeated keys in every filter (q included) are 400', async () => {
      for (const key of [...CASE_FILTERS, 'q'])
        for (const bracket of BRACKETS)
          refused(
            await request(app).get(`/api/cases?${key}${bracket}`).set(as('complainant2')),
            400,
            key + bracket,
          );
      for (const key of [...CASE_FILTERS, 'q'])
        refused(
          await request(app).get(`/api/cases?${key}=a&${key}=b`).set(as('complainant2')),
          400,
          `${key} twice`,
        );
      for (const query of [
        '$where=sleep(100)',
        '$or[0][status]=closed',
        'complainantId=u-complainant',
        'participantIds[$ne]=x',
        '__proto__[role]=admin',
        'constructor[prototype][role]=admin',
      ])
        refused(await request(app).get(`/api/cases?${query}`).set(as('complainant2')), 400, query);
    });

    it('GET /api/cases: q is plain text (regex characters and operators match literally, never other users’ cases)', async () => {
      const total = ((await caseCount()).body as { total: number }).total;
      expect(total).to.equal(3);
      for (const q of [...OPERATOR_TEXTS, '.*', '.+', '^', '(a+)+$', '[^x]', '\\', '$ne', 'a|b']) {
        const admin = await request(app)
          .get(`/api/cases?q=${encodeURIComponent(q)}`)
          .set(as('admin'))
          .expect(200);
        expect((admin.body as { total: number }).total, `admin q=${q}`).to.equal(0);
      }
      // a plain search matches only the caller's own cases
      const mine = await request(app).get('/api/cases?q=Injection').set(as('complainant2')).expect(200);
      expect((mine.body as { items: { id: string }[] }).items.map((c) => c.id)).to.deep.equal([caseC2]);
      const theirs = await request(app).get('/api/cases?q=Injection').set(as('complainant')).expect(200);
      expect((theirs.body as { items: { id: string }[] }).items.map((c) => c.id)).to.have.members([
        caseM,
        caseF,
      ]);
    });

    it('GET /api/cases/:id/events: after and limit take only numbers', async () => {
      for (const key of ['after', 'limit']) {
        for (const text of [...OPERATOR_TEXTS, '-1', '1e999', 'NaN'])
          refused(
            await request(app)
              .get(`/api/cases/${caseM}/events?${key}=${encodeURIComponent(text)}`)
              .set(as('complainant')),
            400,
            `${key}=${text}`,
          );
        for (const bracket of BRACKETS)
          refused(
            await request(app).get(`/api/cases/${caseM}/events?${key}${bracket}`).set(as('complainant')),
            400,
            key + bracket,
          );
      }
      // and a plain after still works
      const res = await request(app)
        .get(`/api/cases/${caseM}/events?after=1`)
        .set(as('complainant'))
        .expect(200);
      expect((res.body as { items: { seq: number }[] }).items.every((e) => e.seq > 1)).to.equal(true);
    });

    it('GET /api/cases/:id/messages: before, limit and visibility take only plain values; a caucus filter never widens what one reads', async () => {
      for (const key of ['before', 'limit', 'visibility']) {
        for (const text of [...OPERATOR_TEXTS, '-1', 'caucus:*'])
          refused(
            await request(app)
              .get(`/api/cases/${caseM}/messages?${key}=${encodeURIComponent(text)}`)
              .set(as('respondent')),
            400,
            `${key}=${text}`,
          );
        for (const bracket of BRACKETS)
          refused(
            await request(app).get(`/api/cases/${caseM}/messages?${key}${bracket}`).set(as('respondent')),
            400,
            key + bracket,
          );
      }
      const asked = await request(app)
        .get(`/api/cases/${caseM}/messages?visibility=caucus:complainant`)
        .set(as('respondent'))
        .expect(200);
      expect((asked.body as { items: unknown[] }).items).to.deep.equal([]);
      const all = await request(app).get(`/api/cases/${caseM}/messages`).set(as('respondent')).expect(200);
      const visibilities = (all.body as { items: { visibility: string }[] }).items.map((m) => m.visibility);
      expect(visibilities).to.deep.equal(['joint']);
      const mediator = await request(app)
        .get(`/api/cases/${caseM}/messages?visibility=caucus:complainant`)
        .set(as('mediator'))
        .expect(200);
      expect((mediator.body as { items: unknown[] }).items).to.have.length(1);
    });

    it('GET /api/credit: name refuses operators and matches regex characters literally', async () => {
      for (const text of [...OPERATOR_TEXTS, '$ne', '(a+)+$', ''])
        refused(
          await request(app)
            .get(`/api/credit?name=${encodeURIComponent(text)}`)
            .set(as('respondent')),
          400,
          `name=${text}`,
        );
      for (const bracket of BRACKETS)
        refused(
          await request(app).get(`/api/credit?name${bracket}`).set(as('respondent')),
          400,
          `name${bracket}`,
        );
      refused(await request(app).get('/api/credit?name=a&name=b').set(as('respondent')), 400, 'name twice');
      refused(await request(app).get('/api/credit').set(as('respondent')), 400, 'no name');
      for (const text of ['.*', '.+', '.', '^.', '[A-Z]', 'a|b', '\\w'])
        expect(
          (
            (
              await request(app)
                .get(`/api/credit?name=${encodeURIComponent(text)}`)
                .set(as('respondent'))
                .expect(200)
            ).body as { items: unknown[] }
          ).items,
          `name=${text}`,
        ).to.deep.equal([]);
      const found = await request(app).get('/api/credit?name=Hangzhou').set(as('respondent')).expect(200);
      expect((found.body as { items: { name: string }[] }).items.map((e) => e.name)).to.deep.equal([
        'Hangzhou Bright Trading Co., Ltd.',
      ]);
    });

    it('GET /api/stats: from and to take only dates', async () => {
      for (const key of ['from', 'to']) {
        for (const text of [...OPERATOR_TEXTS, 'now', '2025-13-01'])
          refused(
            await request(app)
              .get(`/api/stats?${key}=${encodeURIComponent(text)}`)
              .set(as('admin')),
            400,
            `${key}=${text}`,
          );
        for (const bracket of BRACKETS)
          refused(await request(app).get(`/api/stats?${key}${bracket}`).set(as('admin')), 400, key + bracket);
      }
      refused(await request(app).get('/api/stats?orgId=org-bj-amr').set(as('center')), 400, 'orgId');
      await request(app).get('/api/stats?from=2025-01-01&to=2030-12-31').set(as('admin')).expect(200);
    });

    it('GET /api/users: role and orgId take only plain values', async () => {
      for (const key of ['role', 'orgId']) {
        for (const text of OPERATOR_TEXTS)
          refused(
            await request(app)
              .get(`/api/users?${key}=${encodeURIComponent(text)}`)
              .set(as('admin')),
            400,
            `${key}=${text}`,
          );
        for (const bracket of BRACKETS)
          refused(await request(app).get(`/api/users?${key}${bracket}`).set(as('admin')), 400, key + bracket);
      }
      refused(await request(app).get('/api/users?email[$regex]=.*').set(as('admin')), 400, 'email');
      // an officer's role filter cannot be widened to every role
      refused(
        await request(app).get('/api/users?role[$ne]=admin').set(as('center')),
        400,
        'officer role[$ne]',
      );
    });
  });

  describe('operators in id positions', () => {
    const endpoints = (id: string, evidenceId = evidenceC2): [string, () => request.Test][] => [
      ['GET /:id', () => request(app).get(`/api/cases/${id}`)],
      ['GET /:id/events', () => request(app).get(`/api/cases/${id}/events`)],
      ['GET /:id/actions', () => request(app).get(`/api/cases/${id}/actions`)],
      ['POST /:id/actions', () => request(app).post(`/api/cases/${id}/actions`).send({ type: 'WITHDRAW' })],
      ['GET /:id/messages', () => request(app).get(`/api/cases/${id}/messages`)],
      [
        'POST /:id/messages',
        () => request(app).post(`/api/cases/${id}/messages`).send({ body: 'hello', visibility: 'joint' }),
      ],
      ['GET /:id/evidence', () => request(app).get(`/api/cases/${id}/evidence`)],
      [
        'POST /:id/evidence',
        () =>
          request(app)
            .post(`/api/cases/${id}/evidence`)
            .attach('file', PNG, { filename: 'a.png', contentType: 'image/png' }),
      ],
      [
        'GET /:id/evidence/:e/download',
        () => request(app).get(`/api/cases/${id}/evidence/${evidenceId}/download`),
      ],
    ];

    it('a case id made of operators, regex or other non-id characters is 400 on every case endpoint', async () => {
      for (const bad of BAD_IDS)
        for (const [name, call] of endpoints(bad)) {
          const res = await call().set(as('admin'));
          refused(res, 400, `${name} id=${decodeURIComponent(bad)}`);
        }
    });

    it('an evidence id made of operators is 400; another case’s evidence id is 404 (no IDOR)', async () => {
      for (const bad of [...BAD_IDS, 'a'.repeat(23), 'g'.repeat(24)])
        refused(
          await request(app).get(`/api/cases/${caseC2}/evidence/${bad}/download`).set(as('complainant2')),
          400,
          `evidenceId=${bad}`,
        );
      // complainant sees M but not C2: C2's evidence is not reachable through M
      refused(
        await request(app).get(`/api/cases/${caseM}/evidence/${evidenceC2}/download`).set(as('complainant')),
        404,
        'C2 evidence through M',
      );
      refused(
        await request(app).get(`/api/cases/${caseC2}/evidence/${evidenceC2}/download`).set(as('complainant')),
        404,
        'C2 evidence directly',
      );
      // the upper-case spelling of the same id is the same evidence, for the same people only
      const upper = evidenceC2.toUpperCase();
      refused(
        await request(app).get(`/api/cases/${caseM}/evidence/${upper}/download`).set(as('admin')),
        404,
        'C2 evidence through M (admin)',
      );
    });

    it('a well-formed id that does not exist, or that the caller may not see, is 404 on every case endpoint', async () => {
      for (const [name, call] of endpoints('no-such-case-0000'))
        refused(await call().set(as('admin')), 404, name);
      for (const [name, call] of endpoints(caseC2)) refused(await call().set(as('complainant')), 404, name);
    });
  });

  describe('operators in body values', () => {
    it('login: operator objects in email or password are 422; operator text is a wrong password (401)', async () => {
      for (const op of OPERATOR_OBJECTS) {
        for (const body of [
          { email: op, password: 'sevenfold-demo' },
          { email: 'admin@demo.local', password: op },
          { email: op, password: op },
          { email: ['admin@demo.local'], password: 'sevenfold-demo' },
        ]) {
          const res = await request(app).post('/api/auth/login').send(body);
          refused(res, 422, `login ${JSON.stringify(body)}`);
          expect(res.body).to.not.have.property('token');
        }
      }
      for (const text of OPERATOR_TEXTS) {
        refused(
          await request(app).post('/api/auth/login').send({ email: text, password: 'sevenfold-demo' }),
          422,
          `email ${text}`,
        );
        refused(
          await request(app).post('/api/auth/login').send({ email: 'admin@demo.local', password: text }),
          401,
          `password ${text}`,
        );
      }
    });

    it('action payload ids (mediatorId, investigatorId, arbitratorId, respondentId), expectedSeq, type and channel refuse operators (422) and change nothing', async () => {
      const beforeM = await caseState(caseM);
      const beforeF = await caseState(caseF);
      const values = [...OPERATOR_OBJECTS, ...OPERATOR_TEXTS, ['u-investigator'], 42, true, null];
      for (const value of values) {
        const label = JSON.stringify(value);
        const sends: [Who, string, Record<string, unknown>][] = [
          ['admin', caseM, { type: 'ASSIGN_MEDIATOR', mediatorId: value }],
          ['center', caseF, { type: 'ASSIGN_INVESTIGATOR', investigatorId: value }],
          ['admin', caseF, { type: 'ASSIGN_INVESTIGATOR', investigatorId: value }],
          ['admin', caseM, { type: 'APPOINT_ARBITRATOR', arbitratorId: value }],
          ['admin', caseM, { type: 'LINK_RESPONDENT', respondentId: value }],
          ['mediator', caseM, { type: 'ACCEPT_ASSIGNMENT', expectedSeq: value }],
          ['mediator', caseM, { type: value }],
          ['admin', caseF, { type: 'TRANSFER', channel: value, reason: 'x' }],
          ['admin', caseF, { type: 'ROUTE', channel: 'judicial', orgId: value }],
        ];
        for (const [who, id, body] of sends) {
          if (body.expectedSeq === 42) continue; // a plain number: a stale seq (409), tested below
          refused(
            await request(app).post(`/api/cases/${id}/actions`).set(as(who)).send(body),
            422,
            `${who} ${JSON.stringify(body)} (${label})`,
          );
        }
      }
      refused(
        await request(app)
          .post(`/api/cases/${caseM}/actions`)
          .set(as('mediator'))
          .send({ type: 'ACCEPT_ASSIGNMENT', expectedSeq: 42 }),
        409,
        'stale expectedSeq',
      );
      expect(await caseState(caseM)).to.deep.equal(beforeM);
      expect(await caseState(caseF)).to.deep.equal(beforeF);
    });

    it('messages refuse operators in body and visibility (422) and record nothing', async () => {
      const count = async () =>
        (
          (await request(app).get(`/api/cases/${caseM}/messages`).set(as('mediator')).expect(200)).body as {
            items: unknown[];
          }
        ).items.length;
      const before = await count();
      for (const op of [...OPERATOR_OBJECTS, ['joint'], 7])
        for (const body of [
          { body: op, visibility: 'joint' },
          { body: 'hello', visibility: op },
        ])
          refused(
            await request(app).post(`/api/cases/${caseM}/messages`).set(as('respondent')).send(body),
            422,
            JSON.stringify(body),
          );
      for (const text of OPERATOR_TEXTS)
        refused(
          await request(app)
            .post(`/api/cases/${caseM}/messages`)
            .set(as('respondent'))
            .send({ body: 'hello', visibility: text }),
          422,
          text,
        );
      expect(await count()).to.equal(before);
    });

    it('Idempotency-Key made of operators is 400 and files nothing', async () => {
      const before = ((await caseCount()).body as { total: number }).total;
      for (const key of [...OPERATOR_TEXTS, '$ne', 'a b', 'k'.repeat(101)])
        refused(
          await request(app)
            .post('/api/cases')
            .set(as('complainant2'))
            .set('Idempotency-Key', key)
            .send(mediationComplaint('Idempotency injection')),
          400,
          `Idempotency-Key ${key}`,
        );
      expect(((await caseCount()).body as { total: number }).total).to.equal(before);
    });
  });

  describe('mass assignment', () => {
    it('filing a complaint (and previewing one) with server fields is 422 naming the field, and files nothing', async () => {
      const before = ((await caseCount()).body as { total: number }).total;
      for (const [key, value] of Object.entries(SERVER_FIELDS)) {
        const body = { ...mediationComplaint(`Mass assignment of ${key}`), [key]: value };
        const res = refused(
          await request(app).post('/api/cases').set(as('complainant2')).send(body),
          422,
          `file with ${key}`,
        );
        expect((res.errors as { path: string }[]).map((e) => e.path)).to.include(key);
        refused(
          await request(app).post('/api/routing/preview').set(as('complainant2')).send(body),
          422,
          `preview with ${key}`,
        );
      }
      for (const nested of [
        { complainant: { name: 'X Co.', type: 'enterprise', sme: true, id: 'u-complainant' } },
        { respondent: { name: 'Y', type: 'individual', id: 'u-complainant' } },
        { respondent: { name: 'Y', type: 'individual', email: { $ne: null } } },
        { claim: { amountCny: { $gt: 0 }, remedies: ['cease'] } },
        { rights: [{ number: { $regex: '.*' } }] },
      ]) {
        const body = { ...mediationComplaint('Nested mass assignment'), ...nested };
        refused(
          await request(app).post('/api/cases').set(as('complainant2')).send(body),
          422,
          JSON.stringify(nested),
        );
      }
      expect(((await caseCount()).body as { total: number }).total).to.equal(before);
    });

    it('an action carrying server fields is 422 and changes nothing (a user cannot fire the clock either)', async () => {
      const before = await caseState(caseM);
      for (const [key, value] of Object.entries(SERVER_FIELDS))
        refused(
          await request(app)
            .post(`/api/cases/${caseM}/actions`)
            .set(as('mediator'))
            .send({ type: 'ACCEPT_ASSIGNMENT', [key]: value }),
          422,
          `ACCEPT_ASSIGNMENT with ${key}`,
        );
      // DEADLINE is the clock's (system) event: a person sending it is refused by role
      refused(
        await request(app)
          .post(`/api/cases/${caseM}/actions`)
          .set(as('admin'))
          .send({ type: 'DEADLINE', clock: 'mediatorAcceptance' }),
        403,
        'DEADLINE by admin',
      );
      expect(await caseState(caseM)).to.deep.equal(before);
    });

    it('registering with role, orgId or other account fields is 422 and creates no account', async () => {
      const Users = userModel(t.db);
      const base = { password: 'a-long-enough-password', name: 'Self-made admin' };
      for (const [key, value] of Object.entries({
        ...SERVER_FIELDS,
        expertise: ['trademark'],
        capacity: 100,
      })) {
        const email = `register-${key.toLowerCase()}@example.test`;
        const res = refused(
          await request(app)
            .post('/api/auth/register')
            .send({ ...base, email, [key]: value }),
          422,
          `register with ${key}`,
        );
        expect(res).to.not.have.property('token');
        expect(await Users.countDocuments({ email })).to.equal(0);
      }
      // `__proto__` is dropped by Joi (the account is an ordinary complainant); `constructor` is refused
      const proto = await request(app)
        .post('/api/auth/register')
        .set('Content-Type', 'application/json')
        .send(
          '{"email":"proto1@example.test","password":"a-long-enough-password","name":"P","__proto__":{"role":"admin","orgId":"org-pc-zgc"}}',
        )
        .expect(202);
      expect(proto.body).to.not.have.property('user');
      expect(await Users.findOne({ email: 'proto1@example.test' }).lean()).to.include({
        role: 'complainant',
        orgId: null,
      });
      refused(
        await request(app)
          .post('/api/auth/register')
          .set('Content-Type', 'application/json')
          .send(
            '{"email":"proto2@example.test","password":"a-long-enough-password","name":"P","constructor":{"prototype":{"role":"admin"}}}',
          ),
        422,
        'constructor.prototype',
      );
      expect(await Users.countDocuments({ role: 'admin' })).to.equal(1);
      expect(({} as Record<string, unknown>).role).to.equal(undefined);
      // a plain registration is a complainant without an organisation
      await request(app)
        .post('/api/auth/register')
        .send({ ...base, email: 'plain@example.test' })
        .expect(202);
      expect(await Users.findOne({ email: 'plain@example.test' }).lean()).to.include({
        role: 'complainant',
        orgId: null,
      });
    });

    it('creating a user with _id, passwordHash or other internal fields is 422; the admin account is untouched', async () => {
      const Users = userModel(t.db);
      const adminBefore = await Users.findById('u-admin').lean();
      const base = {
        password: 'a-long-enough-password',
        name: 'New mediator',
        role: 'mediator',
        orgId: 'org-zgc-mediation',
      };
      for (const key of [
        '_id',
        'id',
        'passwordHash',
        'active',
        'createdAt',
        'participantIds',
        'hash',
        'seq',
      ]) {
        const email = `create-${key.toLowerCase()}@example.test`;
        refused(
          await request(app)
            .post('/api/users')
            .set(as('admin'))
            .send({ ...base, email, [key]: SERVER_FIELDS[key] }),
          422,
          `create with ${key}`,
        );
        expect(await Users.countDocuments({ email })).to.equal(0);
      }
      for (const op of [...OPERATOR_OBJECTS, ...OPERATOR_TEXTS])
        for (const key of ['orgId', 'role', 'email'])
          refused(
            await request(app)
              .post('/api/users')
              .set(as('admin'))
              .send({ ...base, email: 'ops@example.test', [key]: op }),
            422,
            `create with ${key}=${JSON.stringify(op)}`,
          );
      // an officer or a complainant cannot create one, however the body looks
      refused(
        await request(app)
          .post('/api/users')
          .set(as('center'))
          .send({ ...base, email: 'by-officer@example.test' }),
        403,
        'officer creates',
      );
      const adminAfter = await Users.findById('u-admin').lean();
      expect(adminAfter).to.deep.equal(adminBefore);
      await login(app, 'admin@demo.local');
    });

    it('a message carrying author, seq or other server fields is 422 and records nothing', async () => {
      const count = async () =>
        (
          (await request(app).get(`/api/cases/${caseM}/messages`).set(as('mediator')).expect(200)).body as {
            items: unknown[];
          }
        ).items.length;
      const before = await count();
      for (const key of [
        'authorId',
        'authorRole',
        'authorName',
        'seq',
        'caseId',
        '_id',
        'id',
        'createdAt',
        'role',
        'status',
      ])
        refused(
          await request(app)
            .post(`/api/cases/${caseM}/messages`)
            .set(as('respondent'))
            .send({ body: 'hello', visibility: 'joint', [key]: SERVER_FIELDS[key] ?? 'x' }),
          422,
          `message with ${key}`,
        );
      expect(await count()).to.equal(before);
    });

    it('evidence form fields other than description (sha256, caseId, uploadedBy, name) are ignored', async () => {
      const res = await request(app)
        .post(`/api/cases/${caseM}/evidence`)
        .set(as('respondent'))
        .field('sha256', '0'.repeat(64))
        .field('uploadedBy', 'u-admin')
        .field('caseId', caseC2)
        .attach('file', PNG, { filename: 'shop.png', contentType: 'image/png' })
        .expect(201);
      const view = res.body as { sha256: string; uploadedBy: { id: string; role: string }; name: string };
      expect(view.sha256).to.equal(createHash('sha256').update(PNG).digest('hex'));
      expect(view.uploadedBy).to.deep.equal({ id: 'u-respondent', role: 'respondent' });
      const c2 = await request(app).get(`/api/cases/${caseC2}/evidence`).set(as('admin')).expect(200);
      expect((c2.body as { items: unknown[] }).items).to.have.length(1);
    });
  });

  describe('oversized and mistyped bodies', () => {
    const big = { title: 'x'.repeat(300 * 1024) };

    it('a JSON body over 256 kB is 413 problem+json on every JSON endpoint, signed in or not', async () => {
      const posts: [string, Who | null][] = [
        ['/api/auth/login', null],
        ['/api/auth/register', null],
        ['/api/cases', 'complainant'],
        ['/api/cases', null],
        ['/api/routing/preview', 'complainant'],
        ['/api/users', 'admin'],
        [`/api/cases/${caseM}/actions`, 'mediator'],
        [`/api/cases/${caseM}/messages`, 'respondent'],
      ];
      for (const [path, who] of posts) {
        const req = request(app).post(path);
        if (who) req.set(as(who));
        refused(await req.send(big), 413, `${path} as ${who ?? 'nobody'}`);
      }
      // just under the limit is read (and then validated)
      refused(
        await request(app)
          .post('/api/cases')
          .set(as('complainant'))
          .send({ title: 'x'.repeat(200 * 1024) }),
        422,
        '200 kB',
      );
    });

    it('a body that is not JSON, or JSON that is not an object, is a 4xx problem+json', async () => {
      const complaint = JSON.stringify(mediationComplaint('Mistyped body'));
      const cases: [string, string, string, number][] = [
        ['text/plain', complaint, '/api/cases', 422],
        ['application/x-www-form-urlencoded', 'title=abc&ipType=trademark', '/api/cases', 422],
        ['application/xml', '<complaint/>', '/api/cases', 422],
        ['application/json', '{"title": "unterminated', '/api/cases', 400],
        ['application/json', 'null', '/api/cases', 400],
        ['application/json', '"a string"', '/api/cases', 400],
        ['application/json', '[]', '/api/cases', 422],
        ['application/json', '[{"title":"x"}]', '/api/cases', 422],
        ['application/json; charset=utf-16', complaint, '/api/cases', 400],
        ['application/json; charset=iso-8859-1', complaint, '/api/cases', 415],
        ['text/plain', '{"email":"admin@demo.local","password":"sevenfold-demo"}', '/api/auth/login', 422],
        [
          'application/json',
          '{"email":"admin@demo.local","password":"sevenfold-demo"',
          '/api/auth/login',
          400,
        ],
        ['text/plain', '{"type":"ACCEPT_ASSIGNMENT"}', `/api/cases/${caseM}/actions`, 422],
        ['application/json', '[{"type":"ACCEPT_ASSIGNMENT"}]', `/api/cases/${caseM}/actions`, 422],
        ['text/plain', '{"body":"hi","visibility":"joint"}', `/api/cases/${caseM}/messages`, 422],
        ['application/json', '{"body":"hi","visibility":"joint"}', `/api/cases/${caseM}/evidence`, 415],
      ];
      const before = await caseState(caseM);
      for (const [type, body, path, status] of cases) {
        const who: Who = path.includes('/actions')
          ? 'mediator'
          : path.includes('/login')
            ? 'admin'
            : 'complainant';
        const res = await request(app).post(path).set(as(who)).set('Content-Type', type).send(body);
        refused(res, status, `${path} ${type} ${body.slice(0, 40)}`);
      }
      // a body whose declared encoding it does not have
      refused(
        await request(app)
          .post('/api/cases')
          .set(as('complainant'))
          .set('Content-Type', 'application/json')
          .set('Content-Encoding', 'gzip')
          .send(complaint),
        400,
        'gzip that is not',
      );
      refused(
        await request(app)
          .post('/api/cases')
          .set(as('complainant'))
          .set('Content-Type', 'application/json')
          .set('Content-Encoding', 'x-unknown')
          .send(complaint),
        415,
        'unknown encoding',
      );
      expect(await caseState(caseM)).to.deep.equal(before);
    });
  });

  describe('assignee ids', () => {
    // A named assignee joins the case (a "mediator" reads both caucuses): the server checks that the
    // id is an active account of that role and not a party.
    it('ASSIGN_INVESTIGATOR naming a complainant or an unknown id is 422 and gives no access', async () => {
      for (const investigatorId of ['u-complainant2', 'u-respondent', 'u-mediator', 'no-such-user'])
        refused(
          await request(app)
            .post(`/api/cases/${caseF}/actions`)
            .set(as('center'))
            .send({ type: 'ASSIGN_INVESTIGATOR', investigatorId }),
          422,
          `investigator ${investigatorId}`,
        );
      refused(
        await request(app).get(`/api/cases/${caseF}`).set(as('complainant2')),
        404,
        'complainant2 sees F',
      );
    });

    it('ASSIGN_MEDIATOR naming the respondent is 422: the respondent never reads the complainant’s caucus', async () => {
      const id = (
        await request(app)
          .post('/api/cases')
          .set(as('complainant'))
          .send(mediationComplaint('Gap: a party as mediator'))
          .expect(201)
      ).body.id as string;
      const act = (who: Who, body: object) =>
        request(app).post(`/api/cases/${id}/actions`).set(as(who)).send(body);
      await act('admin', { type: 'ACCEPT' }).expect(200);
      await act('admin', { type: 'ROUTE', channel: 'mediation' }).expect(200);
      await request(app)
        .post(`/api/cases/${id}/messages`)
        .set(as('complainant'))
        .send({ body: 'We would settle for CNY 20,000.', visibility: 'caucus:complainant' })
        .expect(201);
      await act('mediator', { type: 'DECLINE_ASSIGNMENT' }).expect(200); // mediator2 is assigned next
      const mediator2 = await login(app, 'mediator2@demo.local');
      await request(app)
        .post(`/api/cases/${id}/actions`)
        .set({ Authorization: `Bearer ${mediator2}` })
        .send({ type: 'DECLINE_ASSIGNMENT' })
        .expect(200); // nobody is left: awaiting a mediator
      refused(await act('admin', { type: 'ASSIGN_MEDIATOR', mediatorId: 'u-respondent' }), 422, 'respondent');
      const read = await request(app).get(`/api/cases/${id}/messages`).set(as('respondent')).expect(200);
      expect(
        (read.body as { items: { visibility: string }[] }).items.map((m) => m.visibility),
      ).to.not.include('caucus:complainant');
    });
  });
});
