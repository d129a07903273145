import { expect } from 'chai';
import request from 'supertest';
import { actViaApi, bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory, type TestApp } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

interface Entry {
  id: string;
  kind: string;
  actor: { id: string; name: string; role: string };
  caseId: string | null;
  orgId: string | null;
  target: { type: string; id: string; label: string };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
interface Page {
  items: Entry[];
  next: string | null;
}

/**
 * The audit log: who opened a case or downloaded its files, and every administrative change; read by
 * admins (all), an organisation's staff (its cases' reads; its lead also the changes to it), nobody
 * else; a case's access log for admins and the organisation handling it.
 */
describe('audit log: reads and changes recorded, visible to who may see them', function () {
  this.timeout(60_000);
  const t = useTestDatabase('auditLog');
  let a: TestApp;
  const tok: Record<string, string> = {};
  const WHO = [
    'admin',
    'complainant',
    'complainant2',
    'respondent',
    'mediator',
    'mediation-office',
    'legal-aid',
  ] as const;
  type Who = (typeof WHO)[number];
  const as = (who: Who) => bearer(tok[who] as string);
  let caseId = '';
  let staffToken = '';

  const auditAs = async (who: Who | string, query = '', status = 200): Promise<Page> => {
    const auth = (WHO as readonly string[]).includes(who) ? as(who as Who) : bearer(who);
    const res = await request(a.app).get(`/api/audit${query}`).set(auth).expect(status);
    return res.body as Page;
  };

  before(async () => {
    await seedDirectory(t.db);
    a = buildTestApp(t.db);
    for (const who of WHO) tok[who] = await login(a.app, `${who}@demo.local`);
    caseId = await fileCaseViaApi(a.app, tok.complainant as string, mediationComplaint('Audit tea shop'));
    await actViaApi(a.app, tok.admin as string, caseId, { type: 'ACCEPT' });
    await actViaApi(a.app, tok.admin as string, caseId, { type: 'ROUTE', channel: 'mediation' });
    // a plain officer (no lead) of the mediation committee, made by its lead
    const made = await request(a.app)
      .post('/api/users')
      .set(as('mediation-office'))
      .send({ email: 'clerk@example.com', password: 'a-long-password', name: 'Clerk Pan', role: 'officer' })
      .expect(201);
    expect(made.body).to.include({ lead: false, orgId: 'org-zgc-mediation' });
    staffToken = await login(a.app, 'clerk@example.com', 'a-long-password');
  });

  it('records a case page view once per reader in its window, with the handling organisation', async () => {
    for (let i = 0; i < 3; i++)
      await request(a.app).get(`/api/cases/${caseId}`).set(as('complainant')).expect(200);
    await request(a.app).get(`/api/cases/${caseId}`).set(as('mediation-office')).expect(200);
    // a refused read records nothing
    await request(a.app).get(`/api/cases/${caseId}`).set(as('complainant2')).expect(404);
    const page = await auditAs('admin', `?caseId=${caseId}&kind=case.view`);
    const views = page.items;
    expect(views.map((e) => e.actor.id).sort()).to.deep.equal(['u-complainant', 'u-mediation-office']);
    for (const e of views) {
      expect(e).to.include({ kind: 'case.view', caseId, orgId: 'org-zgc-mediation' });
      expect(e.target).to.include({ type: 'case', id: caseId });
      expect(e.target.label).to.match(/^SF-/);
    }
  });

  it('records evidence, case file and calendar downloads', async () => {
    const up = await request(a.app)
      .post(`/api/cases/${caseId}/evidence`)
      .set(as('complainant'))
      .attach('file', PNG, { filename: 'sign.png', contentType: 'image/png' })
      .expect(201);
    const evidenceId = (up.body as { id: string }).id;
    await request(a.app)
      .get(`/api/cases/${caseId}/evidence/${evidenceId}/download`)
      .set(as('respondent'))
      .expect(200);
    await request(a.app).get(`/api/cases/${caseId}/file.zip`).set(as('mediation-office')).expect(200);
    await actViaApi(a.app, tok.mediator as string, caseId, { type: 'ACCEPT_ASSIGNMENT' });
    await actViaApi(a.app, tok.respondent as string, caseId, { type: 'CONSENT' });
    await actViaApi(a.app, tok.mediator as string, caseId, {
      type: 'SCHEDULE_SESSION',
      sessionAt: '2031-03-04T02:00:00.000Z',
    });
    const events = await request(a.app).get(`/api/cases/${caseId}/events`).set(as('mediator')).expect(200);
    const seq = (events.body as { items: { seq: number; type: string }[] }).items.find(
      (e) => e.type === 'SCHEDULE_SESSION',
    )?.seq;
    await request(a.app)
      .get(`/api/cases/${caseId}/events/${seq}/calendar.ics`)
      .set(as('complainant'))
      .expect(200);

    const log = (await request(a.app).get(`/api/cases/${caseId}/access-log`).set(as('admin')).expect(200))
      .body as Page;
    const kinds = log.items.map((e) => `${e.kind} ${e.actor.id}`);
    expect(kinds).to.include.members([
      'evidence.download u-respondent',
      'caseFile.download u-mediation-office',
      'calendar.download u-complainant',
    ]);
    const download = log.items.find((e) => e.kind === 'evidence.download');
    expect(download?.target).to.deep.equal({ type: 'evidence', id: evidenceId, label: 'sign.png' });
    // newest first
    const ids = log.items.map((e) => e.id);
    expect(ids).to.deep.equal([...ids].sort().reverse());
  });

  it('shows a case’s access log to admins and the handling organisation only (403 on the case, 404 off it)', async () => {
    const log = (auth: Record<string, string>) =>
      request(a.app).get(`/api/cases/${caseId}/access-log`).set(auth);
    await log(as('admin')).expect(200);
    await log(as('mediation-office')).expect(200);
    await log(bearer(staffToken)).expect(200);
    await log(as('complainant')).expect(403);
    await log(as('respondent')).expect(403);
    await log(as('mediator')).expect(403);
    await log(as('complainant2')).expect(404);
    await log(as('legal-aid')).expect(404);
    await request(a.app).get('/api/cases/no-such-case/access-log').set(as('admin')).expect(404);
  });

  it('shows the audit screen to admins (all), an organisation’s staff (its cases), its lead (also its changes)', async () => {
    const all = await auditAs('admin', '?limit=200');
    const kinds = new Set(all.items.map((e) => e.kind));
    expect([...kinds]).to.include.members(['case.view', 'evidence.download', 'user.create']);

    const lead = await auditAs('mediation-office', '?limit=200');
    expect(lead.items.length).to.be.greaterThan(0);
    expect(lead.items.every((e) => e.orgId === 'org-zgc-mediation')).to.equal(true);
    const creation = lead.items.find((e) => e.kind === 'user.create');
    expect(creation?.target.label).to.equal('Clerk Pan');
    expect(creation?.after).to.include({ email: 'clerk@example.com', orgId: 'org-zgc-mediation' });

    const clerk = await auditAs(staffToken, '?limit=200');
    expect(clerk.items.length).to.be.greaterThan(0);
    expect(clerk.items.every((e) => e.caseId === caseId)).to.equal(true);
    expect(clerk.items.some((e) => e.kind === 'user.create')).to.equal(false);

    // another organisation's lead sees nothing of this case
    const other = await auditAs('legal-aid', '?limit=200');
    expect(other.items.filter((e) => e.caseId === caseId)).to.deep.equal([]);
    expect((await auditAs('legal-aid', `?caseId=${caseId}`)).items).to.deep.equal([]);

    await auditAs('mediator', '', 403);
    await auditAs('complainant', '', 403);
    await auditAs('respondent', '', 403);
  });

  it('filters by case, actor, kind and time, and pages by id', async () => {
    const byActor = await auditAs('admin', '?actorId=u-complainant&limit=200');
    expect(byActor.items.length).to.be.greaterThan(1);
    expect(byActor.items.every((e) => e.actor.id === 'u-complainant')).to.equal(true);
    const byKind = await auditAs('admin', '?kind=caseFile.download');
    expect(byKind.items.map((e) => e.actor.id)).to.deep.equal(['u-mediation-office']);
    const future = await auditAs('admin', '?from=2099-01-01T00:00:00.000Z');
    expect(future.items).to.deep.equal([]);
    const past = await auditAs('admin', '?to=2001-01-01T00:00:00.000Z');
    expect(past.items).to.deep.equal([]);

    const seen: string[] = [];
    let before = '';
    for (;;) {
      const page = await auditAs(
        'admin',
        `?caseId=${caseId}&limit=2${before ? `&before=${encodeURIComponent(before)}` : ''}`,
      );
      expect(page.items.length).to.be.at.most(2);
      seen.push(...page.items.map((e) => e.id));
      if (!page.next) break;
      before = page.next;
    }
    const whole = await auditAs('admin', `?caseId=${caseId}&limit=200`);
    expect(seen).to.deep.equal(whole.items.map((e) => e.id));
    expect(new Set(seen).size).to.equal(seen.length);

    for (const bad of [
      '?kind=everything',
      '?limit=0',
      '?before=yesterday',
      '?caseId[$ne]=x',
      '?from=2030-01-01&to=2020-01-01',
    ])
      await auditAs('admin', bad, 400);
  });

  it('writes reads in the background, a moment after the response, without anyone asking', async () => {
    const count = () =>
      t.db.collection('audit_events').countDocuments({ kind: 'case.view', actorId: 'u-respondent' });
    expect(await count()).to.equal(0);
    await request(a.app).get(`/api/cases/${caseId}`).set(as('respondent')).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await count()).to.equal(1);
  });
});
