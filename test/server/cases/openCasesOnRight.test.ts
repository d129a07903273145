import { expect } from 'chai';
import request from 'supertest';
import { caseModel } from '../../../server/cases/caseModel.js';
import { caseSearchModel } from '../../../server/cases/caseSearchModel.js';
import { ensureCaseSearch } from '../../../server/cases/ensureCaseSearch.js';
import { dropRetiredIndexes } from '../../../server/compose/retiredIndexes.js';
import type { Complaint } from '../../../shared/schemas/complaint.js';
import { actViaApi, bearer, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory, type TestApp } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

/** A right litigated again and again: most of its cases are closed. */
const RIGHT = 'TM 87654321';

const onTheRight = (title: string): Complaint => ({
  ...mediationComplaint(title),
  rights: [{ number: RIGHT, title: 'Longjing Spring (word mark)' }],
});

/**
 * Intake compares a complaint with the open cases on its rights. A right with a long history has
 * mostly closed cases: the lookup reads the open ones only, not every case ever filed on the right.
 */
describe('intake: the open cases on a right, and only those', function () {
  this.timeout(120_000);
  const t = useTestDatabase('openOnRight');
  let a: TestApp;
  let admin: string;
  const open: string[] = [];
  const closed: string[] = [];

  before(async () => {
    await seedDirectory(t.db);
    a = buildTestApp(t.db);
    admin = await login(a.app, 'admin@demo.local');
    const filers = [
      await login(a.app, 'complainant@demo.local'),
      await login(a.app, 'complainant2@demo.local'),
    ];
    for (let i = 0; i < 12; i++) {
      const token = filers[i % 2] as string;
      const id = await fileCaseViaApi(a.app, token, onTheRight(`Copied tea mark, filing ${i}`));
      if (i % 4 === 0) open.push(id);
      else {
        await actViaApi(a.app, token, id, { type: 'WITHDRAW', reason: 'settled privately' });
        closed.push(id);
      }
    }
  });

  const caseNos = async (ids: string[]) =>
    (
      await caseModel(t.db)
        .find({ _id: { $in: ids } }, { caseNo: 1 })
        .lean()
    ).map((c) => c.caseNo);

  const preview = async () =>
    (
      (
        await request(a.app)
          .post('/api/routing/preview')
          .set(bearer(admin))
          .send(onTheRight('One more copy of the tea mark'))
          .expect(200)
      ).body as { flags: { duplicate: { caseNo?: string }[] } }
    ).flags.duplicate.map((f) => f.caseNo);

  it('names the open cases on the right in a preview, none of the withdrawn ones', async () => {
    expect(open).to.have.length(3);
    expect(await preview()).to.have.members(await caseNos(open));
  });

  it('reads the ids of the open cases alone, by the {rightNumbers, open} index, and at most the limit', async () => {
    const found = await a.engine.store.openOnRight(RIGHT, { snapshot: 0 }, 200);
    expect(found.map((c) => c._id)).to.have.members(open);
    expect(await a.engine.store.openOnRight(RIGHT, {}, 2)).to.have.length(2);
    const plan = (await caseSearchModel(t.db)
      .find({ rightNumbers: RIGHT, open: true }, { _id: 1 })
      .explain('executionStats')) as unknown as {
      executionStats: { totalDocsExamined: number; nReturned: number };
      queryPlanner: { winningPlan: unknown };
    };
    expect(JSON.stringify(plan.queryPlanner.winningPlan)).to.include('rightNumbers_1_open_1');
    // the nine withdrawn cases on the right are not examined
    expect(plan.executionStats.nReturned).to.equal(3);
    expect(plan.executionStats.totalDocsExamined).to.be.at.most(3);
  });

  it('takes a case out of the lookup in the transaction that closes it', async () => {
    // filed by the first complainant (filings 0, 4 and 8 stay open)
    const [first] = open;
    const token = await login(a.app, 'complainant@demo.local');
    await actViaApi(a.app, token, first as string, { type: 'WITHDRAW', reason: 'settled privately' });
    expect((await caseSearchModel(t.db).findById(first, { open: 1 }).lean())?.open).to.equal(false);
    expect(await preview()).to.have.members(await caseNos(open.slice(1)));
    open.shift();
    closed.push(first as string);
  });

  it('writes `open` into the search documents of a folder from the version before, once', async () => {
    const Search = caseSearchModel(t.db);
    const expected = await preview();
    expect(expected).to.have.length(2);
    // that version: no `open` in case_search, and its lookup index {rightNumbers} alone
    await Search.collection.updateMany({}, { $unset: { open: '' } });
    await Search.collection.createIndex({ rightNumbers: 1 });
    expect(await preview(), 'the lookup asks for open cases').to.deep.equal([]);
    const all = await caseModel(t.db).countDocuments();
    expect(await ensureCaseSearch(t.db)).to.equal(all);
    expect(await dropRetiredIndexes(t.db)).to.deep.equal(['case_search.rightNumbers_1']);
    expect(await preview()).to.have.members(expected);
    expect(await Search.countDocuments({ open: false })).to.equal(closed.length);
    // once written, a start does nothing
    expect(await ensureCaseSearch(t.db)).to.equal(0);
  });
});
