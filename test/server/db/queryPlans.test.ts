import { expect } from 'chai';
import type { CommandStartedEvent } from 'mongodb';
import mongoose, { type Connection } from 'mongoose';
import request from 'supertest';
import { actViaApi, bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { prepareDatabase } from '../../../server/compose/prepareDatabase.js';
import { buildTestApp, login, seedDirectory, type TestApp } from '../../support/testApp.js';
import { testDatabaseServer, uriForDatabase } from '../../support/testEnvironment.js';

/** Collections whose reads must never be collection scans: they grow with the cases. */
const GROWING = new Set([
  'cases',
  'case_search',
  'case_events',
  'messages',
  'evidence.files',
  'evidence.chunks',
  'deadlines',
  'document_jobs',
  // documents.files: GridFS probes a bucket once for emptiness (findOne {} limit 1) before its first upload
  'documents.chunks',
  'notifications',
  'mail_outbox',
  'password_resets',
  'audit_events',
  'supervision_reports',
  'invitations',
]);

/** Requests whose reads of other collections must be index scans too (the credit register's new lists). */
const INDEXED_LABELS = /^GET \/api\/(credit\/register|public\/)/;

interface Captured {
  label: string;
  collection: string;
  command: Record<string, unknown>;
}

/** The stages of an explain plan, outermost first, following inputStage(s). */
function stagesOf(plan: unknown): string[] {
  const out: string[] = [];
  const walk = (p: unknown) => {
    if (!p || typeof p !== 'object') return;
    const node = p as Record<string, unknown>;
    if (typeof node.stage === 'string') out.push(node.stage);
    walk(node.inputStage);
    if (Array.isArray(node.inputStages)) node.inputStages.forEach(walk);
    walk(node.queryPlan);
  };
  walk(plan);
  return out;
}

/**
 * Every query the API issues on the collections that grow with the cases is served by an index: the
 * driver's command monitor records what each role's requests send, and `explain` on the running engine
 * must show an index scan (or an `_id` lookup), never a COLLSCAN.
 */
describe('every read by an index (explain on the running engine)', function () {
  this.timeout(120_000);
  const dbName = `sf_plans_${Date.now().toString(36)}`;
  let db: Connection;
  let a: TestApp;
  const captured: Captured[] = [];
  let label = 'setup';
  /** The comment of the test's own reads, which are left out of the explained queries. */
  const TEST_READ = 'queryPlans: the test reads a mail link';

  before(async () => {
    testDatabaseServer();
    db = mongoose.createConnection(uriForDatabase(dbName), { monitorCommands: true });
    await db.asPromise();
    db.getClient().on('commandStarted', (ev: CommandStartedEvent) => {
      if (ev.databaseName !== dbName) return;
      const name = ev.commandName;
      if (!['find', 'count', 'aggregate', 'update', 'delete', 'findAndModify', 'distinct'].includes(name))
        return;
      // the test's own reads (marked) are not the API's
      if (ev.command.comment === TEST_READ) return;
      const collection = String(ev.command[name]);
      captured.push({ label, collection, command: ev.command as Record<string, unknown> });
    });
    await prepareDatabase(db);
    await seedDirectory(db);
    a = buildTestApp(db);
  });
  after(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await db?.close();
  });

  it('drives every endpoint as each role would, recording the queries', async () => {
    const tokens: Record<string, string> = {};
    for (const who of ['complainant', 'respondent', 'mediator', 'admin', 'center', 'court', 'enforcement']) {
      tokens[who] = await login(a.app, `${who}@demo.local`);
    }
    const t = (who: string) => bearer(tokens[who] as string);
    label = 'POST /api/cases';
    const id = await fileCaseViaApi(a.app, tokens.complainant as string, mediationComplaint('Plans case'));
    await fileCaseViaApi(a.app, tokens.complainant as string, mediationComplaint('Plans case 2'));
    label = 'POST /api/cases/:id/actions';
    await actViaApi(a.app, tokens.admin as string, id, { type: 'ACCEPT' });
    await actViaApi(a.app, tokens.admin as string, id, { type: 'ROUTE', channel: 'mediation' });
    await actViaApi(a.app, tokens.mediator as string, id, { type: 'ACCEPT_ASSIGNMENT' });
    label = 'the document worker (after the commits)';
    await a.engine.documents.drain();

    const get = async (who: string, path: string, name = `GET ${path.replace(id, ':id')}`) => {
      label = name;
      const res = await request(a.app).get(path).set(t(who));
      expect(res.status, `${name}: ${res.text}`).to.be.oneOf([200, 403, 404]);
    };
    for (const who of ['complainant', 'respondent', 'mediator', 'center', 'court', 'enforcement']) {
      for (const qs of [
        '',
        '?status=inChannel',
        '?open=true',
        '?overdue=true',
        '?q=Plans',
        '?assignee=me&sort=nextDueAt&withActions=true',
        // the mediator console, as the client asks for it
        '?assignee=me&sort=nextDueAt&open=true&withActions=true',
        '?assignee=me&status=inChannel',
        '?queue=inChannel',
        '?ipType=trademark&sort=-filedAt',
      ]) {
        await get(who, `/api/cases${qs}`, `GET /api/cases${qs} (${who})`);
      }
      await get(who, `/api/cases/${id}`);
      await get(who, `/api/cases/${id}/events`);
      await get(who, `/api/cases/${id}/actions`);
      await get(who, `/api/cases/${id}/messages`);
      await get(who, `/api/cases/${id}/evidence`);
      await get(who, `/api/cases/${id}/documents`);
      await get(who, `/api/cases/${id}/documents/2-acceptanceNotice-en/download`);
      await get(who, `/api/cases/${id}/documents/2-acceptanceNotice-en/integrity`);
      await get(who, `/api/cases/${id}/agreement`);
      await get(who, `/api/cases/${id}/file.pdf`);
    }
    // the desk queue's first page read as a prefix of its order (`filedAt` up to the bound the first
    // full read left, once a filing moved the queue): cases in screening, a page of one; then kept
    label = 'POST /api/cases';
    await fileCaseViaApi(a.app, tokens.complainant as string, mediationComplaint('Plans case 3'));
    for (const round of ['full read', 'prefix read', 'kept page']) {
      if (round === 'prefix read') {
        label = 'POST /api/cases';
        await fileCaseViaApi(a.app, tokens.complainant as string, mediationComplaint('Plans case 4'));
      }
      await get(
        'admin',
        '/api/cases?queue=screening&sort=filedAt&limit=1',
        `GET /api/cases?queue (admin, ${round})`,
      );
    }
    expect(
      captured.some(
        (c) =>
          c.label.endsWith('prefix read)') &&
          c.collection === 'cases' &&
          JSON.stringify(c.command.filter).includes('"filedAt":{"$lte"'),
      ),
      'the prefix read was sent',
    ).to.equal(true);
    expect(
      captured.filter((c) => c.label.endsWith('kept page)')).map((c) => c.collection),
      'the kept page reads only the tallies',
    ).to.deep.equal(['case_tallies']);
    for (const qs of [
      '?status=screening&sort=filedAt',
      '?queue=screening&sort=filedAt',
      '?queue=holds',
      '?open=true',
      '?overdue=true',
      '?channel=administrative&track=fast',
      '?channel=administrative&track=fast&open=true&sort=nextDueAt',
    ]) {
      await get('admin', `/api/cases${qs}`, `GET /api/cases${qs} (admin)`);
    }
    await get('admin', '/api/cases', 'GET /api/cases (admin, unfiltered)');
    await get(
      'admin',
      '/api/cases?page=2&limit=5&sort=-filedAt',
      'GET /api/cases (admin, every case by filing)',
    );
    await get('admin', '/api/stats', 'GET /api/stats (admin)');
    await get('admin', '/api/cases/counts', 'GET /api/cases/counts (admin)');
    await get('center', '/api/cases/counts', 'GET /api/cases/counts (center)');
    await get('admin', `/api/credit?name=Qian`);
    // full-text search (Chinese and Latin) and CSV export, as staff and parties ask
    for (const who of ['admin', 'center', 'complainant']) {
      await get(who, `/api/cases?q=${encodeURIComponent('商标')}`, `GET /api/cases?q=商标 (${who})`);
      await get(who, '/api/cases?q=Plans&status=inChannel', `GET /api/cases?q=Plans&status (${who})`);
    }
    for (const qs of [
      '',
      '?q=Plans',
      '?status=inChannel',
      '?sort=-filedAt',
      '?channel=mediation&open=true',
    ]) {
      await get('admin', `/api/exports/cases${qs}`, `GET /api/exports/cases${qs} (admin)`);
    }
    await get('center', '/api/exports/cases?q=Plans', 'GET /api/exports/cases?q=Plans (center)');
    for (const qs of ['', '?status=final', '?status=pendingAppeal&page=2']) {
      await get('admin', `/api/credit/register${qs}`, `GET /api/credit/register${qs}`);
    }
    label = 'GET /api/public/credit';
    await request(a.app).get('/api/public/credit?page=2').expect(200);
    label = 'GET /api/public/metrics';
    await request(a.app).get('/api/public/metrics').expect(200);
    label = 'POST /api/public/reports';
    await request(a.app)
      .post('/api/public/reports')
      .send({
        anonymous: true,
        subject: '某网店',
        place: 'online',
        location: 'https://shop.example.com/1',
        ipType: 'trademark',
        description: '销售假冒商标的商品，价格很低。',
      })
      .expect(201);
    await get('admin', '/api/supervision/reports?page=1', 'GET /api/supervision/reports');
    await get('admin', '/api/supervision/reports?status=new', 'GET /api/supervision/reports?status=');
    const reportId = (
      (await request(a.app).get('/api/supervision/reports').set(t('admin'))).body as {
        items: { id: string }[];
      }
    ).items[0]?.id as string;
    await get('admin', `/api/supervision/reports/${reportId}`, 'GET /api/supervision/reports/:id');
    label = 'POST /api/supervision/reports/:id/actions';
    const caseNo = ((await request(a.app).get(`/api/cases/${id}`).set(t('admin'))).body as { caseNo: string })
      .caseNo;
    await request(a.app)
      .post(`/api/supervision/reports/${reportId}/actions`)
      .set(t('admin'))
      .send({ type: 'acknowledge' })
      .expect(200);
    await request(a.app)
      .post(`/api/supervision/reports/${reportId}/actions`)
      .set(t('admin'))
      .send({ type: 'handle', note: '已转交执法部门。', caseNo })
      .expect(200);
    await get('admin', `/api/supervision/reports/${reportId}`, 'GET /api/supervision/reports/:id (handled)');
    label = 'GET /metrics';
    await request(a.app).get('/metrics').expect(200);
    await get('admin', '/api/users');
    await get('center', '/api/stats', 'GET /api/stats (center)');
    label = 'POST /api/cases/:id/messages';
    await request(a.app)
      .post(`/api/cases/${id}/messages`)
      .set(t('mediator'))
      .send({ body: 'A joint note', visibility: 'joint' })
      .expect(201);
    for (const who of ['complainant', 'respondent', 'mediator', 'center']) {
      await get(who, '/api/notifications');
      await get(who, '/api/notifications?limit=1&before=2100-01-01T00:00:00.000Z');
      label = 'POST /api/notifications/read-all';
      await request(a.app).post('/api/notifications/read-all').set(t(who)).expect(200);
    }
    await get('admin', '/api/mail/outbox');
    await get('admin', '/api/mail/outbox?before=2100-01-01T00:00:00.000Z');
    label = 'mail sender tick';
    await a.services.mailSender.tick();
    label = 'POST /api/auth/password-reset';
    await request(a.app).post('/api/auth/password-reset').send({ email: 'court@demo.local' }).expect(202);
    await new Promise((r) => setTimeout(r, 300));
    label = 'POST /api/auth/password-reset/confirm';
    await request(a.app)
      .post('/api/auth/password-reset/confirm')
      .send({ token: 'A'.repeat(43), password: 'Lantern-orchard-47-quietly' })
      .expect(422);
    // invitations: the links of routed cases (read from the local outbox), opened, registered, claimed; staff
    const linkOf = async (caseId: string) => {
      const [mail] = await db
        .collection('mail_outbox')
        .find({ caseId, template: 'invitation' }, { comment: TEST_READ })
        .sort({ createdAt: -1 })
        .limit(1)
        .toArray();
      return /\/invitations\/([A-Za-z0-9_-]{43})/.exec(String(mail?.text))?.[1] as string;
    };
    const invited = await fileCaseViaApi(a.app, tokens.complainant as string, {
      ...mediationComplaint('Plans invitation'),
      respondent: { name: 'Plans Co.', type: 'enterprise', email: 'legal@plans.example.cn' },
    });
    await actViaApi(a.app, tokens.admin as string, invited, { type: 'ACCEPT' });
    await actViaApi(a.app, tokens.admin as string, invited, { type: 'ROUTE', channel: 'mediation' });
    // the test's own outbox read comes before the label: only the API's queries are explained
    const invitedLink = await linkOf(invited);
    label = 'GET /api/invitations/:token';
    await request(a.app).get(`/api/invitations/${invitedLink}`).expect(200);
    label = 'GET /api/cases/:id/invitations';
    await request(a.app).get(`/api/cases/${invited}/invitations`).set(t('admin')).expect(200);
    label = 'POST /api/cases/:id/invitations';
    await request(a.app).post(`/api/cases/${invited}/invitations`).set(t('admin')).expect(201);
    label = 'POST /api/cases/:id/invitations/address';
    await request(a.app)
      .post(`/api/cases/${invited}/invitations/address`)
      .set(t('admin'))
      .send({ email: 'ip@plans.example.cn' })
      .expect(201);
    const newLink = await linkOf(invited);
    label = 'POST /api/invitations/:token/register';
    await request(a.app)
      .post(`/api/invitations/${newLink}/register`)
      .send({ name: 'Plans Legal', password: 'violet-harbour-lantern-91' })
      .expect(201);
    const claimLink = await linkOf(id);
    label = 'POST /api/invitations/:token/claim';
    await request(a.app).post(`/api/invitations/${claimLink}/claim`).set(t('respondent')).expect(200);
    label = 'POST /api/routing/preview';
    await request(a.app).post('/api/routing/preview').set(t('complainant')).send(mediationComplaint('x'));
    // administration and audit: every query they send, on any collection, is checked (label 'admin …')
    const send = async (who: string, method: 'post' | 'patch', path: string, body: object, name: string) => {
      label = `admin ${name}`;
      const res = await request(a.app)[method](path).set(t(who)).send(body);
      expect(res.status, `${name}: ${res.text}`).to.be.oneOf([200, 201]);
      return res.body as { id: string };
    };
    await send(
      'admin',
      'post',
      '/api/orgs',
      { id: 'org-plans', name: 'Plans', nameZh: '计划', type: 'mediation' },
      'POST /api/orgs',
    );
    await send(
      'admin',
      'patch',
      '/api/orgs/org-plans',
      { capacity: 9, active: false },
      'PATCH /api/orgs/:id',
    );
    const staff = await send(
      'center',
      'post',
      '/api/users',
      {
        email: 'plans.staff@example.com',
        password: 'a-long-password',
        name: 'Plans Staff',
        role: 'investigator',
      },
      'POST /api/users (lead)',
    );
    await send(
      'center',
      'patch',
      `/api/users/${staff.id}`,
      { capacity: 3, active: false },
      'PATCH /api/users/:id (lead)',
    );
    await send('admin', 'patch', `/api/users/${staff.id}`, { active: true }, 'PATCH /api/users/:id (admin)');
    await get('admin', '/api/orgs', 'admin GET /api/orgs (admin)');
    await get('center', '/api/orgs', 'admin GET /api/orgs (officer)');
    await get(
      'center',
      '/api/users?orgId=org-pc-zgc&includeInactive=true',
      'admin GET /api/users?orgId (lead)',
    );
    await get('admin', '/api/users?orgId=org-pc-zgc', 'admin GET /api/users?orgId (admin)');
    for (const qs of [
      '',
      `?caseId=${id}`,
      '?actorId=u-complainant',
      '?kind=case.view',
      '?from=2020-01-01T00:00:00.000Z&to=2040-01-01T00:00:00.000Z',
      `?caseId=${id}&actorId=u-mediator&kind=case.view&limit=1`,
    ]) {
      await get('admin', `/api/audit${qs}`, `admin GET /api/audit${qs.replace(id, ':id')} (admin)`);
      await get('center', `/api/audit${qs}`, `admin GET /api/audit${qs.replace(id, ':id')} (officer)`);
    }
    await get('admin', `/api/cases/${id}/access-log`, 'admin GET /api/cases/:id/access-log');
    await get('admin', `/api/cases/${id}/access-log?limit=1`, 'admin GET /api/cases/:id/access-log (page)');
    label = 'scheduler tick';
    await a.engine.scheduler.tick();
    label = 'store: finishPending';
    await a.engine.store.finishPending();
    expect(captured.length).to.be.greaterThan(50);
  });

  it('explains each recorded query on a growing collection as an index scan', async () => {
    const native = db.db;
    if (!native) throw new Error('no native db');
    const scans: string[] = [];
    const seen = new Set<string>();
    for (const c of captured) {
      if (!GROWING.has(c.collection) && !c.label.startsWith('admin ')) continue;
      if (!GROWING.has(c.collection) && !INDEXED_LABELS.test(c.label)) continue;
      const { lsid, txnNumber, $db, $clusterTime, startTransaction, autocommit, readConcern, ...cmd } =
        c.command;
      (void lsid,
        void txnNumber,
        void $db,
        void $clusterTime,
        void startTransaction,
        void autocommit,
        void readConcern);
      const key = JSON.stringify({ ...cmd, label: undefined });
      if (seen.has(key)) continue;
      seen.add(key);
      // a filter on _id alone is a primary-key lookup on every engine
      const filterOf = (cmd.filter ??
        cmd.query ??
        (cmd.updates as { q?: unknown }[] | undefined)?.[0]?.q ??
        (cmd.deletes as { q?: unknown }[] | undefined)?.[0]?.q) as Record<string, unknown> | undefined;
      if (filterOf && Object.keys(filterOf).length === 1 && '_id' in filterOf) continue;
      const res = await native.command({ explain: cmd, verbosity: 'queryPlanner' });
      const stages = stagesOf(
        (res.queryPlanner as { winningPlan?: unknown } | undefined)?.winningPlan ?? res.stages ?? res,
      );
      if (stages.includes('COLLSCAN') || stages.length === 0) {
        scans.push(
          `${c.label}: ${c.collection} ${JSON.stringify(filterOf ?? cmd.pipeline ?? cmd)} → ${stages.join(' < ') || JSON.stringify(res).slice(0, 200)}`,
        );
      }
    }
    expect(scans, scans.join('\n')).to.deep.equal([]);
  });

  it('reads the message list a page at a time: only the case’s own messages, limited to the page size', () => {
    const finds = captured.filter(
      (c) => c.label === 'GET /api/cases/:id/messages' && c.collection === 'messages',
    );
    expect(finds.length).to.be.greaterThan(0);
    for (const { command } of finds) {
      expect(command.filter).to.have.property('caseId').that.is.a('string');
      // the default page is 50: one more tells whether there is a next page
      expect(command.limit, JSON.stringify(command)).to.be.a('number').within(1, 51);
    }
  });
});
