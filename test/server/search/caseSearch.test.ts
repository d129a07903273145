import { expect } from 'chai';
import request from 'supertest';
import { caseModel } from '../../../server/cases/caseModel.js';
import { caseSearchModel } from '../../../server/cases/caseSearchModel.js';
import { ensureCaseSearch } from '../../../server/cases/ensureCaseSearch.js';
import { dropRetiredIndexes } from '../../../server/compose/retiredIndexes.js';
import { queryTokens, searchTokens, textsContain } from '../../../server/cases/searchTokens.js';
import type { Complaint } from '../../../shared/schemas/complaint.js';
import { actViaApi, bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory, type TestApp } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/** A complaint with Chinese facts and a title of its own. */
const chinese = (title: string, description: string, respondent = '杭州明亮贸易有限公司'): Complaint => ({
  ...mediationComplaint(title),
  description,
  respondent: { name: respondent, type: 'enterprise', email: 'respondent@demo.local' },
});

describe('search tokens (pure)', () => {
  it('gives bigrams of every run and single Han characters, normalised', () => {
    const tokens = searchTokens(['龙井茶叶', 'ＡＢc-12']);
    expect(tokens).to.include.members(['龙井', '井茶', '茶叶', '龙', '叶', 'ab', 'bc', '12']);
    expect(tokens).not.to.include('a');
    expect(queryTokens('茶叶')).to.deep.equal(['茶叶']);
    expect(queryTokens('茶')).to.deep.equal(['茶']);
    expect(queryTokens('.* a')).to.deep.equal([]);
    expect(textsContain(['他们销售龙井茶叶'], '茶叶')).to.equal(true);
    expect(textsContain(['茶园的叶子'], '茶叶')).to.equal(false);
  });
});

describe('GET /api/cases?q= (full-text search, Chinese too)', function () {
  this.timeout(60_000);
  const t = useTestDatabase('search');
  let a: TestApp;
  const tokens: Record<string, string> = {};
  let teaCase = '';
  let otherTea = '';
  let lampCase = '';

  before(async () => {
    await seedDirectory(t.db);
    a = buildTestApp(t.db);
    for (const who of ['complainant', 'complainant2', 'admin', 'mediation-office', 'court']) {
      tokens[who] = await login(a.app, `${who}@demo.local`);
    }
    teaCase = await fileCaseViaApi(
      a.app,
      tokens.complainant as string,
      chinese('龙井商标纠纷', '被投诉人在网店销售假冒我方注册商标的龙井茶叶，包装与我方产品几乎相同。'),
    );
    lampCase = await fileCaseViaApi(
      a.app,
      tokens.complainant as string,
      chinese('台灯外观设计', '对方复制了我们的折叠台灯外观设计，并在电商平台大量销售。'),
    );
    otherTea = await fileCaseViaApi(
      a.app,
      tokens.complainant2 as string,
      chinese('另一件商标案', '有人在展会上销售茶叶礼盒，使用了与我方近似的标识。', '北京某某茶业公司'),
    );
    // the mediation committee's office sees the tea case once it is routed there
    await actViaApi(a.app, tokens.admin as string, teaCase, { type: 'ACCEPT' });
    await actViaApi(a.app, tokens.admin as string, teaCase, { type: 'ROUTE', channel: 'mediation' });
  });

  const search = async (who: string, q: string, extra: Record<string, string> = {}) => {
    const res = await request(a.app)
      .get('/api/cases')
      .query({ q, ...extra })
      .set(bearer(tokens[who] as string))
      .expect(200);
    return (res.body as { items: { id: string }[]; total: number }).items.map((c) => c.id);
  };

  it('finds a case by a two-character Chinese word from its facts, for whoever may see it', async () => {
    expect(await search('admin', '茶叶')).to.have.members([teaCase, otherTea]);
    expect(await search('complainant', '茶叶')).to.deep.equal([teaCase]);
    expect(await search('complainant2', '茶叶')).to.deep.equal([otherTea]);
    expect(await search('mediation-office', '茶叶')).to.deep.equal([teaCase]);
    // a judge's court holds neither
    expect(await search('court', '茶叶')).to.deep.equal([]);
  });

  it('needs the phrase, not just its characters, and searches titles, parties and rights', async () => {
    // 销售 is in all three facts; 叶茶 nowhere, though both characters are
    expect(await search('admin', '销售')).to.have.members([teaCase, lampCase, otherTea]);
    expect(await search('admin', '叶茶')).to.deep.equal([]);
    expect(await search('admin', '台灯')).to.deep.equal([lampCase]);
    expect(await search('admin', '茶业')).to.deep.equal([otherTea]);
    expect(await search('admin', '灯')).to.deep.equal([lampCase]);
    expect(await search('admin', 'tm')).to.have.members([teaCase, lampCase, otherTea]);
    expect(await search('admin', '茶叶', { status: 'screening' })).to.deep.equal([otherTea]);
  });

  it('backfills the tokens of a projection stored without them (rebuild-projections)', async () => {
    await caseSearchModel(t.db).deleteOne({ _id: lampCase });
    expect(await search('admin', '台灯')).to.deep.equal([]);
    await a.engine.store.rebuild(lampCase);
    expect(await search('admin', '台灯')).to.deep.equal([lampCase]);
  });

  it('keeps the tokens in case_search, written with the filing and not by the actions that follow', async () => {
    const stored = await caseModel(t.db).findById(lampCase).lean<Record<string, unknown>>();
    expect(stored).not.to.have.property('searchTokens');
    const Search = caseSearchModel(t.db);
    expect((await Search.findById(lampCase).lean())?.tokens).to.include.members(['台灯', '销售']);
    // an action leaves the searchable texts as they were: it does not write them again
    await Search.updateOne({ _id: lampCase }, { $set: { tokens: ['台灯', 'marker'] } });
    await actViaApi(a.app, tokens.admin as string, lampCase, { type: 'ACCEPT' });
    expect((await Search.findById(lampCase).lean())?.tokens).to.deep.equal(['台灯', 'marker']);
    await a.engine.store.rebuild(lampCase);
    expect((await Search.findById(lampCase).lean())?.tokens).to.include.members(['台灯', '销售']);
  });

  it('moves the tokens of a folder that kept them in cases (first start on this version)', async () => {
    const Cases = caseModel(t.db);
    const Search = caseSearchModel(t.db);
    const ids = [teaCase, lampCase, otherTea];
    // the old layout: tokens on the projections, their multikey index, nothing in case_search
    for (const id of ids) {
      const tokens = (await Search.findById(id).lean())?.tokens ?? [];
      await Cases.collection.updateOne({ _id: id } as never, { $set: { searchTokens: tokens } });
    }
    await Cases.collection.createIndex({ searchTokens: 1 });
    await Search.deleteMany({});
    expect(await search('admin', '台灯')).to.deep.equal([]);
    expect(await ensureCaseSearch(t.db)).to.equal(ids.length);
    expect(await search('admin', '台灯')).to.deep.equal([lampCase]);
    expect(await search('admin', '茶叶')).to.have.members([teaCase, otherTea]);
    expect((await Cases.collection.indexes()).map((i) => i.name)).not.to.include('searchTokens_1');
    expect(await Cases.collection.countDocuments({ searchTokens: { $exists: true } })).to.equal(0);
    // once moved, a start does nothing
    expect(await ensureCaseSearch(t.db)).to.equal(0);
  });

  it('moves intake’s keys of a folder that kept them in cases: previews find the cases on a right again', async () => {
    const Cases = caseModel(t.db);
    const Search = caseSearchModel(t.db);
    const preview = async () =>
      (
        (
          await request(a.app)
            .post('/api/routing/preview')
            .set(bearer(tokens.admin as string))
            .send(chinese('台灯外观设计', '对方复制了我们的折叠台灯外观设计。'))
            .expect(200)
        ).body as { flags: { duplicate: { caseNo?: string }[] } }
      ).flags.duplicate.map((f) => f.caseNo);
    const lampNo = (await Cases.findById(lampCase, { caseNo: 1 }).lean())?.caseNo;
    const found = await preview();
    expect(found).to.include(lampNo);
    // the old layout: the keys' indexes on cases, the keys not in case_search
    await Cases.collection.createIndex({ complainantId: 1, filedAt: -1 });
    await Cases.collection.createIndex({ rightNumbers: 1 });
    await Search.updateMany({}, { $unset: { complainantId: '', filedAt: '', rightNumbers: '' } });
    expect(await preview(), 'the lookup reads case_search').to.deep.equal([]);
    expect(await ensureCaseSearch(t.db)).to.equal(3);
    expect(await dropRetiredIndexes(t.db)).to.have.members([
      'cases.complainantId_1_filedAt_-1',
      'cases.rightNumbers_1',
    ]);
    expect(await preview()).to.have.members(found);
    const since = new Date(Date.now() - 3600_000);
    expect((await a.engine.store.filedBy('u-complainant', since, {}, 10)).map((c) => c._id)).to.have.members([
      teaCase,
      lampCase,
    ]);
    // once moved, a start does nothing
    expect(await ensureCaseSearch(t.db)).to.equal(0);
  });

  it('keeps the list filters and returns nothing for text with nothing to search', async () => {
    expect(await search('admin', '.*')).to.deep.equal([]);
    expect(await search('admin', 'x')).to.deep.equal([]);
  });
});
