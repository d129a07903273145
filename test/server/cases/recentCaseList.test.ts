import { intakeSources } from '../../../server/compose/intakeSources.js';
import { expect } from 'chai';
import { createCaseService } from '../../../server/cases/caseService.js';
import { recountTallies } from '../../../server/cases/caseTallies.js';
import { smallTrademarkMediation } from '../../fixtures/complaints.js';
import { U, useCaseWorld } from '../../support/caseWorld.js';

describe("an admin's list of every case, newest first, read window by window", () => {
  const w = useCaseWorld('recent-cases', '2024-01-08T02:00:00.000Z');
  const admin = () => w.authUser(U.admin);

  it('pages through cases spread over two years exactly as a full sort does, with the total from the tallies', async () => {
    // cases filed and updated across two years: most long ago, a few in the last days
    const offsets = [0, 3, 40, 41, 200, 380, 500, 690, 700, 701, 702, 703];
    const start = w.clock.now().getTime();
    for (const [i, days] of offsets.entries()) {
      w.clock.set(new Date(start + days * 86_400_000));
      const doc = await w.file({ ...smallTrademarkMediation, title: `Case ${i}` });
      if (i % 3 === 0) await w.store.transition(doc._id, w.actor(U.admin), { type: 'ACCEPT' });
    }
    const now = () => new Date(start + 704 * 86_400_000);
    const service = createCaseService({ db: w.t.db, store: w.store, now, intake: intakeSources(w.t.db) });
    const all = (await w.store.models.cases.find({}, { updatedAt: 1, filedAt: 1 }).lean()).map((c) => ({
      id: c._id,
      updatedAt: new Date(c.updatedAt).getTime(),
      filedAt: new Date(c.filedAt).getTime(),
    }));
    for (const sort of ['-updatedAt', '-filedAt'] as const) {
      const field = sort === '-updatedAt' ? 'updatedAt' : 'filedAt';
      const expected = [...all]
        .sort((a, b) => b[field] - a[field] || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .map((c) => c.id);
      const seen: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const res = await service.list(admin(), { page, limit: 5, sort });
        expect(res.total, sort).to.equal(all.length);
        seen.push(...res.items.map((c) => c.id));
      }
      expect(seen, sort).to.deep.equal(expected);
    }
  });

  it('keeps the total right after a recount, open and closed cases alike', async () => {
    const service = createCaseService({
      db: w.t.db,
      store: w.store,
      now: w.clock.now,
      intake: intakeSources(w.t.db),
    });
    const before = (await service.list(admin(), { page: 1, limit: 1, sort: '-updatedAt' })).total;
    const doc = await w.file(smallTrademarkMediation);
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'REJECT', reason: 'x'.repeat(20) });
    expect((await service.list(admin(), { page: 1, limit: 1, sort: '-updatedAt' })).total).to.equal(
      before + 1,
    );
    await recountTallies(w.t.db);
    expect((await service.list(admin(), { page: 1, limit: 1, sort: '-updatedAt' })).total).to.equal(
      before + 1,
    );
    expect(await w.store.models.cases.countDocuments({})).to.equal(before + 1);
  });
});
