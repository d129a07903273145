import { expect } from 'chai';
import request from 'supertest';
import { caseModel } from '../../../server/cases/caseModel.js';
import { creditEntryModel } from '../../../server/credit/creditEntryModel.js';
import { maskPartyName } from '../../../server/credit/maskPartyName.js';
import { bearer } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory, type TestApp } from '../../support/testApp.js';
import { testConfig } from '../../support/testConfig.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const DAY = 86_400_000;
const FINAL_JUDGMENT =
  'Final judgment: not appealed within the period (Civil Procedure Law 2023 art. 171); judgments are public (法释〔2016〕19号)';
const ADMIN_DECISION =
  'Administrative decision on infringement (Administrative Penalty Law art. 48; Regulations on the Disclosure of Government Information)';

describe('public pages and the staff credit register (API)', function () {
  this.timeout(60_000);
  const t = useTestDatabase('publicpages');
  let a: TestApp;
  const tokens: Record<string, string> = {};
  const now = new Date();

  before(async () => {
    await seedDirectory(t.db);
    a = buildTestApp(t.db, {
      config: testConfig({ PUBLIC_METRICS_MIN_SAMPLE: '3', REPORT_LIMIT_PER_IP_PER_HOUR: '3' }),
    });
    for (const who of ['complainant', 'admin', 'enforcement', 'supervision']) {
      tokens[who] = await login(a.app, `${who}@demo.local`);
    }
    const entry = (id: string, days: number, fields: Record<string, unknown>) => ({
      _id: id,
      caseNo: `SF-${id}`,
      caseId: `case-${id}`,
      nameKey: id,
      partyId: null,
      rightNumber: 'TM 1234',
      ipType: 'trademark',
      decision: 'infringement:decided',
      legalBasis: ADMIN_DECISION,
      channel: 'administrative',
      date: new Date(now.getTime() - days * DAY),
      removeAfter: new Date(now.getTime() + (1000 - days) * DAY),
      listed: true,
      history: [],
      ...fields,
    });
    await creditEntryModel(t.db).insertMany([
      entry('c1', 1, { name: '杭州明亮贸易有限公司', partyType: 'enterprise', status: 'final' }),
      entry('c2', 2, {
        name: '张三丰',
        partyType: 'individual',
        status: 'final',
        decision: 'infringement:judged',
        legalBasis: FINAL_JUDGMENT,
        channel: 'judicial',
      }),
      entry('c3', 3, { name: 'John Smith', partyType: 'individual', status: 'corrected' }),
      entry('c4', 4, {
        name: 'Pending Appeal Ltd',
        partyType: 'enterprise',
        status: 'pendingAppeal',
        removeAfter: null,
      }),
      entry('c5', 5, { name: 'Removed Co', partyType: 'enterprise', status: 'removed', listed: false }),
      entry('c6', 6, { name: 'Objected Co', partyType: 'enterprise', status: 'objected' }),
      entry('c7', 1500, { name: 'Expired Co', partyType: 'enterprise', status: 'final' }),
      entry('c8', 7, { name: '李四', partyType: 'individual', status: 'final', listed: false }),
    ]);
  });

  describe('GET /api/public/credit (no sign-in)', () => {
    it('discloses listed entries in their period, newest first, without personal data', async () => {
      const res = await request(a.app).get('/api/public/credit').expect(200);
      const body = res.body as { items: Record<string, unknown>[]; total: number };
      expect(body.total).to.equal(4);
      expect(body.items.map((i) => i.name)).to.deep.equal([
        '杭州明亮贸易有限公司',
        '张某',
        'J***',
        'Objected Co',
      ]);
      // an entry under objection stays public, marked as such (as on the register's search)
      expect(body.items[3]).to.include({ status: 'objected' });
      for (const name of ['张三丰', '三丰', 'John', 'Smith', '李四', 'Pending', 'Removed', 'Expired'])
        expect(res.text, name).not.to.include(name);
      for (const key of ['caseId', 'caseNo', 'partyId', 'id', 'nameKey', 'history', 'objection'])
        expect(body.items[0]).not.to.have.property(key);
      expect(body.items[1]).to.include({ partyType: 'individual', legalBasisKey: 'finalJudgment' });
      expect(body.items[0]).to.include({ legalBasisKey: 'administrativeDecision' });
    });

    it('pages by index and refuses bad pages', async () => {
      const res = await request(a.app).get('/api/public/credit?page=2&limit=2').expect(200);
      expect((res.body as { items: { name: string }[] }).items.map((i) => i.name)).to.deep.equal([
        'J***',
        'Objected Co',
      ]);
      await request(a.app).get('/api/public/credit?page=0').expect(400);
      await request(a.app).get('/api/public/credit?limit=500').expect(400);
    });

    it('masks natural persons conservatively', () => {
      expect(maskPartyName('王小明', 'individual')).to.equal('王某');
      expect(maskPartyName('mary lee', 'individual')).to.equal('M***');
      expect(maskPartyName('Unknown Kind', undefined)).to.equal('U***');
      expect(maskPartyName('北京某某有限公司', 'enterprise')).to.equal('北京某某有限公司');
    });
  });

  describe('GET /api/credit/register (staff)', () => {
    const register = (who: string, query = '') =>
      request(a.app)
        .get(`/api/credit/register${query}`)
        .set(bearer(tokens[who] as string));

    it('lists every entry or one status, newest first, with source case and legal-basis key', async () => {
      const all = (await register('admin').expect(200)).body as { items: { id: string }[]; total: number };
      expect(all.total).to.equal(8);
      expect(all.items.map((i) => i.id).slice(0, 3)).to.deep.equal(['c1', 'c2', 'c3']);
      const pending = (await register('enforcement', '?status=pendingAppeal').expect(200)).body as {
        items: Record<string, unknown>[];
      };
      expect(pending.items).to.have.length(1);
      expect(pending.items[0]).to.include({ id: 'c4', caseId: 'case-c4', status: 'pendingAppeal' });
      const final = (await register('admin', '?status=final').expect(200)).body as {
        items: { id: string }[];
      };
      expect(final.items.map((i) => i.id)).to.deep.equal(['c1', 'c2', 'c8', 'c7']);
      const removed = (await register('admin', '?status=removed').expect(200)).body as {
        items: { id: string }[];
      };
      expect(removed.items.map((i) => i.id)).to.deep.equal(['c5']);
    });

    it('is for staff only, and validates its query', async () => {
      await register('complainant').expect(403);
      await request(a.app).get('/api/credit/register').expect(401);
      await register('admin', '?status=gone').expect(400);
      await register('admin', '?status[$ne]=x').expect(400);
    });
  });

  describe('GET /api/public/metrics', () => {
    before(async () => {
      const closedCase = (i: number, channel: string, track: string, reason: string, days: number) => ({
        _id: `m-${i}`,
        caseNo: `M-${i}`,
        channel,
        track,
        status: 'closed',
        closureReason: reason,
        filedAt: new Date(now.getTime() - 100 * DAY),
        closedAt: new Date(now.getTime() - (100 - days) * DAY),
      });
      await caseModel(t.db).collection.insertMany([
        closedCase(1, 'mediation', 'simple', 'settled', 10),
        closedCase(2, 'mediation', 'simple', 'settled', 20),
        closedCase(3, 'mediation', 'simple', 'withdrawn', 30),
        closedCase(4, 'mediation', 'simple', 'awarded', 40),
        closedCase(5, 'arbitration', 'ordinary', 'awarded', 50),
        closedCase(6, 'arbitration', 'ordinary', 'settled', 60),
      ] as never[]);
    });

    it('publishes counts, and medians, p90 and settlement rates only above the minimum sample', async () => {
      const res = await request(a.app).get('/api/public/metrics').expect(200);
      const body = res.body as {
        minSample: number;
        closed: number;
        tracks: Record<string, unknown>[];
        channels: Record<string, unknown>[];
      };
      expect(body.minSample).to.equal(3);
      expect(body.closed).to.equal(6);
      const mediation = body.tracks.find((x) => x.channel === 'mediation' && x.track === 'simple');
      expect(mediation).to.include({ closed: 4, hidden: false, medianDays: 25, p90Days: 37 });
      const arbitration = body.tracks.find((x) => x.channel === 'arbitration');
      expect(arbitration).to.include({ closed: 2, hidden: true, medianDays: null, p90Days: null });
      const med = body.channels.find((x) => x.channel === 'mediation');
      // settled 2 of 3 closed on the merits (the withdrawal is not on the merits)
      expect(med).to.include({ closedOnMerits: 3, hidden: false, settlementRate: 0.667 });
      const arb = body.channels.find((x) => x.channel === 'arbitration');
      expect(arb).to.include({ closedOnMerits: 2, hidden: true, settlementRate: null });
    });
  });

  describe('POST /api/public/reports and the supervision office’s queue', () => {
    const valid = {
      anonymous: true,
      subject: '某网店',
      place: 'online',
      location: 'https://shop.example.com/item/1',
      ipType: 'trademark',
      description: '该网店销售假冒我们熟悉品牌的茶叶礼盒。',
    };

    it('validates reports: anonymous without a name, named with name and contact, plain text', async () => {
      const bad = [
        { ...valid, reporterName: '王某' },
        { ...valid, anonymous: false },
        { ...valid, anonymous: 'true' },
        { ...valid, place: 'moon' },
        { ...valid, description: 'short' },
        { ...valid, subject: '<script>x</script>' },
        { ...valid, extra: 1 },
        { ...valid, ipType: { $ne: null } },
      ];
      for (const body of bad) await request(a.app).post('/api/public/reports').send(body).expect(422);
      await request(a.app)
        .post('/api/public/reports')
        .set('Content-Type', 'application/json')
        .send('{bad')
        .expect(400);
    });

    it('queues valid reports for the office, and limits them per address', async () => {
      await request(a.app).post('/api/public/reports').send(valid).expect(201);
      const named = { ...valid, anonymous: false, reporterName: '王小明', contact: '13800000000' };
      const created = await request(a.app).post('/api/public/reports').send(named).expect(201);
      expect(created.body).to.have.property('id').that.is.a('string');
      await request(a.app).post('/api/public/reports').send(valid).expect(201);
      const limited = await request(a.app).post('/api/public/reports').send(valid).expect(429);
      expect(limited.headers['retry-after']).to.match(/^\d+$/);

      const queue = await request(a.app)
        .get('/api/supervision/reports')
        .set(bearer(tokens.supervision as string))
        .expect(200);
      const items = (queue.body as { items: Record<string, unknown>[]; total: number }).items;
      expect(items).to.have.length(3);
      expect(items.filter((i) => i.reporterName === '王小明')).to.have.length(1);
      await request(a.app)
        .get('/api/supervision/reports')
        .set(bearer(tokens.enforcement as string))
        .expect(403);
      await request(a.app).get('/api/supervision/reports').expect(401);
    });
  });
});
