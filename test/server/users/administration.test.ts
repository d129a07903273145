import { expect } from 'chai';
import request from 'supertest';
import { bearer } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory, type TestApp } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/**
 * Administration of organisations and staff: the platform supervisor (admin) everything, an
 * organisation's lead the staff of their organisation, nobody else anything; every change audited in
 * its own transaction, with before and after.
 */
describe('administration: organisations and staff, who may do what', function () {
  this.timeout(60_000);
  const t = useTestDatabase('administration');
  let a: TestApp;
  const tok: Record<string, string> = {};
  // mediation-office@ leads the Zhongguancun mediation committee; legal-aid@ the Haidian assistance center
  const WHO = ['admin', 'mediation-office', 'legal-aid', 'mediator', 'complainant'] as const;
  type Who = (typeof WHO)[number];
  const as = (who: Who) => bearer(tok[who] as string);
  const audit = () => t.db.collection('audit_events');

  before(async () => {
    await seedDirectory(t.db);
    a = buildTestApp(t.db);
    for (const who of WHO) tok[who] = await login(a.app, `${who}@demo.local`);
  });

  const newOrg = {
    id: 'org-chaoyang-mediation',
    name: 'Chaoyang IP Mediation Center',
    nameZh: '朝阳区知识产权调解中心',
    type: 'mediation',
    region: 'Chaoyang',
    capacity: 30,
    expertise: ['trademark', 'copyright'],
  };

  describe('organisations', () => {
    it('the supervisor creates one (audited with what it was created with); nobody else may', async () => {
      for (const who of ['mediation-office', 'legal-aid', 'mediator', 'complainant'] as const) {
        await request(a.app).post('/api/orgs').set(as(who)).send(newOrg).expect(403);
      }
      const res = await request(a.app).post('/api/orgs').set(as('admin')).send(newOrg).expect(201);
      expect(res.body).to.deep.equal({
        id: 'org-chaoyang-mediation',
        name: 'Chaoyang IP Mediation Center',
        nameZh: '朝阳区知识产权调解中心',
        type: 'mediation',
        region: 'Chaoyang',
        channel: 'mediation',
        capacity: 30,
        expertise: ['trademark', 'copyright'],
        active: true,
      });
      const entry = await audit().findOne({ kind: 'org.create', 'target.id': 'org-chaoyang-mediation' });
      expect(entry).to.include({ actorId: 'u-admin', orgId: 'org-chaoyang-mediation', before: null });
      expect(entry?.after).to.include({
        type: 'mediation',
        channel: 'mediation',
        capacity: 30,
        active: true,
      });
      await request(a.app).post('/api/orgs').set(as('admin')).send(newOrg).expect(409);
    });

    it('refuses invalid organisations with 422 and changes nothing', async () => {
      const before = await audit().countDocuments();
      const bad = [
        { ...newOrg, id: 'org-x1', type: 'moon' },
        { ...newOrg, id: 'Not An Id' },
        { ...newOrg, id: 'org-x2', capacity: 0 },
        { ...newOrg, id: 'org-x3', expertise: ['spaceships'] },
        { ...newOrg, id: 'org-x4', name: '' },
        { ...newOrg, id: 'org-x5', extra: 'field' },
        { ...newOrg, id: 'org-x6', region: { $ne: null } },
        // a channel's body works in its own channel
        { ...newOrg, id: 'org-x7', channel: 'judicial' },
      ];
      for (const body of bad) await request(a.app).post('/api/orgs').set(as('admin')).send(body).expect(422);
      expect(
        await t.db.collection('organisations').countDocuments({ _id: { $regex: /^org-x/ } as never }),
      ).to.equal(0);
      expect(await audit().countDocuments()).to.equal(before);
    });

    it('the supervisor edits and deactivates one (before and after audited); it then takes no hand-over', async () => {
      await request(a.app)
        .patch('/api/orgs/org-chaoyang-mediation')
        .set(as('mediation-office'))
        .send({ capacity: 5 })
        .expect(403);
      const edited = await request(a.app)
        .patch('/api/orgs/org-chaoyang-mediation')
        .set(as('admin'))
        .send({ capacity: 45, region: 'Chaoyang District' })
        .expect(200);
      expect(edited.body).to.include({ capacity: 45, region: 'Chaoyang District', active: true });
      const change = await audit().findOne({ kind: 'org.update', 'target.id': 'org-chaoyang-mediation' });
      expect(change?.before).to.deep.equal({ capacity: 30, region: 'Chaoyang' });
      expect(change?.after).to.deep.equal({ capacity: 45, region: 'Chaoyang District' });

      const officer = await request(a.app)
        .get('/api/orgs?sameTypeAs=org-zgc-mediation')
        .set(as('mediation-office'))
        .expect(200);
      expect((officer.body as { items: { id: string }[] }).items.map((o) => o.id)).to.deep.equal([
        'org-chaoyang-mediation',
      ]);
      await request(a.app)
        .patch('/api/orgs/org-chaoyang-mediation')
        .set(as('admin'))
        .send({ active: false })
        .expect(200);
      const after = await request(a.app)
        .get('/api/orgs?sameTypeAs=org-zgc-mediation')
        .set(as('mediation-office'))
        .expect(200);
      expect((after.body as { items: unknown[] }).items).to.deep.equal([]);
      const all = await request(a.app).get('/api/orgs').set(as('admin')).expect(200);
      const listed = (all.body as { items: { id: string; active: boolean }[] }).items;
      expect(listed.find((o) => o.id === 'org-chaoyang-mediation')?.active).to.equal(false);
      await request(a.app).patch('/api/orgs/org-nowhere').set(as('admin')).send({ active: true }).expect(404);
      await request(a.app).patch('/api/orgs/org-chaoyang-mediation').set(as('admin')).send({}).expect(422);
      await request(a.app)
        .patch('/api/orgs/org-chaoyang-mediation')
        .set(as('admin'))
        .send({ active: true })
        .expect(200);
    });
  });

  describe('staff', () => {
    const password = 'a-long-password';
    let staffId = '';

    it('the supervisor creates a mediator in any organisation, who then signs in', async () => {
      const res = await request(a.app)
        .post('/api/users')
        .set(as('admin'))
        .send({
          email: 'zhou.mei@example.com',
          password,
          name: 'Zhou Mei',
          role: 'mediator',
          orgId: 'org-chaoyang-mediation',
          expertise: ['trademark'],
          languages: ['zh', 'en'],
          capacity: 6,
        })
        .expect(201);
      expect(res.body).to.include({
        role: 'mediator',
        orgId: 'org-chaoyang-mediation',
        capacity: 6,
        lead: false,
      });
      const entry = await audit().findOne({ kind: 'user.create', 'target.id': res.body.id });
      expect(entry).to.include({ actorId: 'u-admin', orgId: 'org-chaoyang-mediation', before: null });
      expect(entry?.after).to.include({ email: 'zhou.mei@example.com', role: 'mediator' });
      expect(entry?.after).to.not.have.property('passwordHash');
      await login(a.app, 'zhou.mei@example.com', password);
    });

    it('a lead creates staff of their own organisation only, never a lead or a platform role', async () => {
      const staff = { email: 'lu.qing@example.com', password, name: 'Lu Qing', role: 'mediator' };
      const res = await request(a.app).post('/api/users').set(as('mediation-office')).send(staff).expect(201);
      expect(res.body).to.include({ orgId: 'org-zgc-mediation', role: 'mediator', lead: false });
      staffId = res.body.id as string;
      const refused = [
        { ...staff, email: 'x1@example.com', orgId: 'org-haidian-aid' },
        { ...staff, email: 'x2@example.com', role: 'admin' },
        { ...staff, email: 'x3@example.com', role: 'complainant' },
        { ...staff, email: 'x4@example.com', role: 'officer', lead: true },
      ];
      for (const body of refused) {
        await request(a.app).post('/api/users').set(as('mediation-office')).send(body).expect(403);
      }
      for (const who of ['mediator', 'complainant'] as const) {
        await request(a.app)
          .post('/api/users')
          .set(as(who))
          .send({ ...staff, email: 'x5@example.com' })
          .expect(403);
      }
      expect(await t.db.collection('users').countDocuments({ email: { $regex: /^x\d@/ } as never })).to.equal(
        0,
      );
    });

    it('refuses invalid accounts and changes with 422 (and a weak password with 400)', async () => {
      const staff = {
        email: 'v@example.com',
        password,
        name: 'V',
        role: 'mediator',
        orgId: 'org-zgc-mediation',
      };
      for (const body of [
        { ...staff, languages: ['klingon'] },
        { ...staff, capacity: 0 },
        { ...staff, email: 'not-an-email' },
        { ...staff, orgId: null },
        { ...staff, role: 'officer', orgId: 'org-nowhere' },
        { ...staff, role: 'mediator', lead: true },
      ]) {
        await request(a.app).post('/api/users').set(as('admin')).send(body).expect(422);
      }
      await request(a.app)
        .post('/api/users')
        .set(as('admin'))
        .send({ ...staff, password: 'password12' })
        .expect(400);
      const patch = (body: object) =>
        request(a.app).patch(`/api/users/${staffId}`).set(as('mediation-office')).send(body);
      await patch({}).expect(422);
      await patch({ capacity: 'many' }).expect(422);
      await patch({ languages: ['zh', 'zh'] }).expect(422);
      await patch({ passwordHash: 'x' }).expect(422);
      await request(a.app)
        .patch(`/api/users/${staffId}`)
        .set(as('admin'))
        .send({ role: 'complainant' })
        .expect(200);
      await request(a.app)
        .patch(`/api/users/${staffId}`)
        .set(as('admin'))
        .send({ role: 'mediator', orgId: 'org-zgc-mediation' })
        .expect(200);
      await request(a.app).patch(`/api/users/${staffId}`).set(as('admin')).send({ lead: true }).expect(422);
    });

    it('a lead changes their staff (audited before and after); another lead, a mediator or a party may not', async () => {
      const change = { expertise: ['trademark', 'copyright'], languages: ['zh', 'ko'], capacity: 4 };
      await request(a.app).patch(`/api/users/${staffId}`).set(as('legal-aid')).send(change).expect(404);
      await request(a.app).patch(`/api/users/${staffId}`).set(as('mediator')).send(change).expect(403);
      await request(a.app).patch(`/api/users/${staffId}`).set(as('complainant')).send(change).expect(403);
      const res = await request(a.app)
        .patch(`/api/users/${staffId}`)
        .set(as('mediation-office'))
        .send(change)
        .expect(200);
      expect(res.body).to.include({ capacity: 4 });
      expect(res.body.languages).to.deep.equal(['zh', 'ko']);
      const entries = await audit()
        .find({ kind: 'user.update', 'target.id': staffId, actorId: 'u-mediation-office' })
        .toArray();
      expect(entries).to.have.length(1);
      expect(entries[0]?.before).to.deep.equal({ expertise: [], languages: [], capacity: 10 });
      expect(entries[0]?.after).to.deep.equal(change);
      expect(entries[0]?.orgId).to.equal('org-zgc-mediation');

      // nor accounts outside their organisation, nor the lead flag, nor a move out, nor themselves out
      await request(a.app)
        .patch('/api/users/u-legal-aid')
        .set(as('mediation-office'))
        .send({ capacity: 3 })
        .expect(404);
      await request(a.app)
        .patch('/api/users/u-complainant')
        .set(as('mediation-office'))
        .send({ active: false })
        .expect(404);
      await request(a.app)
        .patch(`/api/users/${staffId}`)
        .set(as('mediation-office'))
        .send({ lead: true })
        .expect(403);
      await request(a.app)
        .patch(`/api/users/${staffId}`)
        .set(as('mediation-office'))
        .send({ orgId: 'org-haidian-aid' })
        .expect(403);
      await request(a.app)
        .patch(`/api/users/${staffId}`)
        .set(as('mediation-office'))
        .send({ role: 'admin' })
        .expect(403);
      await request(a.app)
        .patch('/api/users/u-mediation-office')
        .set(as('mediation-office'))
        .send({ active: false })
        .expect(403);
      await request(a.app).patch('/api/users/u-admin').set(as('admin')).send({ role: 'officer' }).expect(403);
    });

    it('a lead deactivates and reactivates staff: the account’s sessions end at once', async () => {
      const token = await login(a.app, 'lu.qing@example.com', password);
      await request(a.app).get('/api/auth/me').set(bearer(token)).expect(200);
      await request(a.app)
        .patch(`/api/users/${staffId}`)
        .set(as('mediation-office'))
        .send({ active: false })
        .expect(200);
      await request(a.app).get('/api/auth/me').set(bearer(token)).expect(401);
      const off = await audit().findOne({ kind: 'user.update', 'target.id': staffId, 'after.active': false });
      expect(off?.before).to.deep.equal({ active: true });
      await request(a.app)
        .patch(`/api/users/${staffId}`)
        .set(as('mediation-office'))
        .send({ active: true })
        .expect(200);
      await request(a.app).get('/api/auth/me').set(bearer(token)).expect(200);
    });

    it('lists an organisation’s staff for its lead (inactive too), for the supervisor any; refuses the others', async () => {
      const own = await request(a.app)
        .get('/api/users?orgId=org-zgc-mediation&includeInactive=true')
        .set(as('mediation-office'))
        .expect(200);
      const names = (own.body as { items: { name: string; orgId: string }[] }).items;
      expect(names.every((u) => u.orgId === 'org-zgc-mediation')).to.equal(true);
      expect(names.map((u) => u.name)).to.include.members([
        'Chen Jing',
        'Sun Li',
        'Lu Qing',
        'Xu Lan (Mediation Committee office)',
      ]);
      await request(a.app).get('/api/users?orgId=org-zgc-mediation').set(as('legal-aid')).expect(403);
      await request(a.app).get('/api/users?orgId=org-zgc-mediation').set(as('mediator')).expect(403);
      await request(a.app).get('/api/users?orgId=org-zgc-mediation').set(as('complainant')).expect(403);
      await request(a.app)
        .get('/api/users?orgId=org-chaoyang-mediation&includeInactive=true')
        .set(as('admin'))
        .expect(200);
      // the directory officers had stays as it was: active mediators, arbitrators, investigators
      await request(a.app).get('/api/users?role=mediator').set(as('legal-aid')).expect(200);
      await request(a.app)
        .get('/api/users?role=mediator&includeInactive=true')
        .set(as('legal-aid'))
        .expect(403);
    });

    it('the supervisor names a lead, who may then manage their organisation', async () => {
      const res = await request(a.app)
        .post('/api/users')
        .set(as('admin'))
        .send({
          email: 'head.chaoyang@example.com',
          password,
          name: 'Head of Chaoyang',
          role: 'officer',
          orgId: 'org-chaoyang-mediation',
        })
        .expect(201);
      const token = await login(a.app, 'head.chaoyang@example.com', password);
      await request(a.app).get('/api/users?orgId=org-chaoyang-mediation').set(bearer(token)).expect(403);
      await request(a.app)
        .patch(`/api/users/${res.body.id as string}`)
        .set(as('admin'))
        .send({ lead: true })
        .expect(200);
      const me = await request(a.app).get('/api/auth/me').set(bearer(token)).expect(200);
      expect(me.body.user).to.include({ lead: true, orgId: 'org-chaoyang-mediation' });
      await request(a.app).get('/api/users?orgId=org-chaoyang-mediation').set(bearer(token)).expect(200);
    });
  });
});
