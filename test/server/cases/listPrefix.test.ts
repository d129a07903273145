import { expect } from 'chai';
import { intakeSources } from '../../../server/compose/intakeSources.js';
import { createCaseService, type CaseService } from '../../../server/cases/caseService.js';
import { createListPrefixHints, type ListPrefixHints } from '../../../server/cases/listPrefixHints.js';
import { createListPageMemo } from '../../../server/cases/listPageMemo.js';
import { planCaseList } from '../../../server/cases/planCaseList.js';
import { prefixShape, readListPrefix, type PrefixPlan } from '../../../server/cases/readListPrefix.js';
import type { CaseListQuery, CaseSort } from '../../../shared/schemas/caseQueries.js';
import type { DeskQueue } from '../../../shared/machine/deskQueue.js';
import { smallTrademarkMediation } from '../../fixtures/complaints.js';
import { U, useCaseWorld } from '../../support/caseWorld.js';

/** Hints that count how often a remembered bound was handed out (a prefix read was tried). */
function countingHints(): ListPrefixHints & { used: number } {
  const inner = createListPrefixHints(64);
  const hints = {
    used: 0,
    get(shape: string) {
      const bound = inner.get(shape);
      if (bound) hints.used++;
      return bound;
    },
    set: (shape: string, bound: Date | undefined) => inner.set(shape, bound),
  };
  return hints;
}

describe('desk queues read as a prefix of their order (filed up to a remembered bound)', () => {
  const w = useCaseWorld('list-prefix', '2025-03-03T02:00:00.000Z');
  const admin = () => w.authUser(U.admin);
  const start = new Date('2025-03-03T02:00:00.000Z').getTime();
  // no kept pages (listPageMemo.test.ts): every list here is read, by its prefix or in full
  const service = (prefixHints: ListPrefixHints): CaseService =>
    createCaseService({
      db: w.t.db,
      store: w.store,
      now: w.clock.now,
      intake: intakeSources(w.t.db),
      prefixHints,
      listPages: createListPageMemo(0),
    });
  /** Files a case at `minutes` after the start (several at the same minute: ties on the sort key). */
  const fileAt = async (minutes: number, title: string) => {
    w.clock.set(new Date(start + minutes * 60_000));
    return (await w.file({ ...smallTrademarkMediation, title }))._id;
  };
  let hints: ReturnType<typeof countingHints>;
  let windowed: CaseService;
  let full: CaseService;

  /** Every page of interest, read by the windowed service (twice: the second uses the bound) and in full. */
  const compareAll = async (queues: DeskQueue[] = ['screening', 'triage']) => {
    for (const queue of queues)
      for (const sort of ['filedAt', '-filedAt'] as CaseSort[])
        for (const limit of [1, 4, 7])
          for (const page of [1, 2, 3]) {
            const query: CaseListQuery = { queue, sort, limit, page };
            const expected = await full.list(admin(), query);
            for (let round = 0; round < 2; round++) {
              const got = await windowed.list(admin(), query);
              expect(got, `${queue} ${sort} limit ${limit} page ${page} round ${round}`).to.deep.equal(
                expected,
              );
            }
          }
  };

  before(async function () {
    this.timeout(120_000);
    // 36 cases, three at each minute: the bound often falls inside a group of equal filing times
    for (let i = 0; i < 36; i++) await fileAt(Math.floor(i / 3), `Prefix ${i}`);
  });
  beforeEach(() => {
    hints = countingHints();
    windowed = service(hints);
    full = service(createListPrefixHints(0));
  });

  it('plans a prefix only for an admin desk queue by filing date with no other condition', () => {
    const now = new Date();
    const plan = (query: Partial<CaseListQuery>, who: string = U.admin) =>
      planCaseList(w.authUser(who), { page: 1, limit: 20, sort: 'filedAt', ...query }, now).prefix;
    expect(plan({ queue: 'screening' })).to.deep.equal({ field: 'filedAt', dir: 1, queue: 'screening' });
    expect(plan({ queue: 'triage', sort: '-filedAt' })).to.deep.equal({
      field: 'filedAt',
      dir: -1,
      queue: 'triage',
    });
    expect(plan({ queue: 'screening', sort: '-updatedAt' })).to.equal(undefined);
    expect(plan({ queue: 'screening', ipType: 'trademark' })).to.equal(undefined);
    expect(plan({ queue: 'screening', q: 'Prefix' })).to.equal(undefined);
    expect(plan({ queue: 'screening', open: true })).to.equal(undefined);
    expect(plan({ queue: 'screening', assignee: 'me' })).to.equal(undefined);
    expect(plan({ status: 'screening' })).to.equal(undefined);
    expect(plan({ queue: 'screening' }, U.complainant)).to.equal(undefined);
  });

  it('gives the same pages and totals as a full read, ties on the filing time included', async () => {
    await compareAll();
    expect(hints.used, 'prefix reads tried').to.be.greaterThan(10);
  });

  it('stays exact as cases leave the queue, inside and past the bound', async () => {
    await compareAll(['screening']);
    const screening = await full.list(admin(), { queue: 'screening', sort: 'filedAt', limit: 100, page: 1 });
    // the first rows, one tied with others, and one far down the queue move on to triage
    for (const c of [screening.items[0], screening.items[4], screening.items[20]])
      await w.store.transition(c!.id, w.actor(U.admin), { type: 'ACCEPT' });
    const used = hints.used;
    await compareAll();
    expect(hints.used).to.be.greaterThan(used);
  });

  it('stays exact as cases arrive, inside the bound (filed earlier, ties) and past it', async () => {
    await compareAll(['screening']);
    await fileAt(0, 'Prefix early tie');
    await fileAt(-5, 'Prefix earliest');
    await fileAt(4, 'Prefix middle tie');
    await fileAt(60, 'Prefix latest');
    await compareAll(['screening']);
  });

  it('falls back to a full read on a stale or wrong bound, and the total comes from the tallies', async () => {
    const query: CaseListQuery = { queue: 'screening', sort: 'filedAt', limit: 4, page: 2 };
    const expected = await full.list(admin(), query);
    const plan = planCaseList(admin(), query, w.clock.now()) as PrefixPlan;
    const shape = prefixShape(plan, 8);
    const fields = { filedAt: 1, deskQueue: 1 } as Record<string, 1>;
    const Cases = w.store.models.cases;
    // a bound before every filing: too few rows, so the caller reads the whole list
    hints.set(shape, new Date(start - 3_600_000));
    expect(await readListPrefix(Cases, plan, fields, 8, hints, async () => 0)).to.equal(undefined);
    expect(await windowed.list(admin(), query)).to.deep.equal(expected);
    // a bound past every filing: the whole list read by the range, still the same page
    hints.set(shape, new Date(start + 86_400_000));
    const wide = await readListPrefix(Cases, plan, fields, 8, hints, async () => expected.total);
    expect(wide?.rows.map((r) => r._id).slice(4)).to.deep.equal(expected.items.map((c) => c.id));
    expect(wide?.total).to.equal(expected.total);
    expect(await windowed.list(admin(), query)).to.deep.equal(expected);
    // the bound of the last full read: the range holds the page and fewer rows than the queue
    hints.set(shape, undefined);
    await windowed.list(admin(), query);
    const tight = await readListPrefix(Cases, plan, fields, 8, hints, async () => expected.total);
    expect(tight?.rows).to.have.length(8);
    expect(tight?.total).to.equal(expected.total);
    const inRange = await Cases.countDocuments({
      deskQueue: 'screening',
      filedAt: { $lte: hints.get(shape) },
    });
    expect(inRange).to.be.lessThan(expected.total);
  });
});

describe('the remembered prefix bounds', () => {
  it('keeps the most recently used list shapes, and forgets a shape set to nothing', () => {
    const hints = createListPrefixHints(2);
    const [a, b, c] = [new Date(1), new Date(2), new Date(3)];
    hints.set('a', a);
    hints.set('b', b);
    expect(hints.get('a')).to.equal(a); // a is now the most recently used
    hints.set('c', c);
    expect(hints.get('b')).to.equal(undefined);
    expect(hints.get('a')).to.equal(a);
    expect(hints.get('c')).to.equal(c);
    hints.set('c', undefined);
    expect(hints.get('c')).to.equal(undefined);
    const none = createListPrefixHints(0);
    none.set('a', a);
    expect(none.get('a')).to.equal(undefined);
  });
});
