import { expect } from 'chai';
import { intakeSources } from '../../../server/compose/intakeSources.js';
import { createCaseService, type CaseService } from '../../../server/cases/caseService.js';
import { caseModel, type CaseDoc } from '../../../server/cases/caseModel.js';
import {
  ALL_CASES_SCOPE,
  caseTallyModel,
  createCaseTallies,
  recountTallies,
  tallyChanges,
  type TalliedCase,
} from '../../../server/cases/caseTallies.js';
import { createListPageMemo, LIST_PAGE_MAX_AGE_MS } from '../../../server/cases/listPageMemo.js';
import { createListPrefixHints } from '../../../server/cases/listPrefixHints.js';
import type { DeskQuery } from '../../../shared/schemas/caseQueries.js';
import { smallTrademarkMediation } from '../../fixtures/complaints.js';
import { U, useCaseWorld } from '../../support/caseWorld.js';

describe('pages of the watched desk queues kept while their version stands', () => {
  const w = useCaseWorld('list-page-memo', '2025-03-03T02:00:00.000Z');
  const admin = () => w.authUser(U.admin);
  const screening: DeskQuery = { queue: 'screening', page: 1, limit: 5 };
  let kept: CaseService;
  let full: CaseService;
  /** The queue reads of the kept service (`find`s of cases with a deskQueue filter). */
  let queueReads = 0;
  let counting = false;
  let restore: () => void;

  const service = (pages: number) =>
    createCaseService({
      db: w.t.db,
      store: w.store,
      now: w.clock.now,
      intake: intakeSources(w.t.db),
      prefixHints: createListPrefixHints(pages ? 64 : 0),
      listPages: createListPageMemo(pages, () => w.clock.now().getTime()),
    });
  /** The kept service's desk, checked against a service that reads every page (its reads not counted). */
  const desk = async (query: DeskQuery = screening) => {
    const got = await kept.desk(admin(), query);
    counting = false;
    const expected = await full.desk(admin(), query);
    counting = true;
    expect(got).to.deep.equal(expected);
    return got;
  };
  /** How many queue reads `fn` makes through the kept service alone. */
  const readsOf = async (fn: () => Promise<unknown>) => {
    const before = queueReads;
    await fn();
    return queueReads - before;
  };

  before(async function () {
    this.timeout(120_000);
    for (let i = 0; i < 8; i++) {
      w.clock.advance(60_000);
      await w.file({ ...smallTrademarkMediation, title: `Kept ${i}` });
    }
    // the two newest move on to triage (a second watched queue)
    const queue = await service(0).list(admin(), {
      queue: 'screening',
      sort: 'filedAt',
      page: 1,
      limit: 100,
    });
    for (const c of queue.items.slice(6))
      await w.store.transition(c.id, w.actor(U.admin), { type: 'ACCEPT' });
  });
  beforeEach(() => {
    kept = service(64);
    full = service(0);
    const Cases = w.store.models.cases;
    const find = Cases.find.bind(Cases);
    counting = true;
    Cases.find = ((filter: Record<string, unknown>, ...rest: unknown[]) => {
      if (counting && filter && 'deskQueue' in filter) queueReads++;
      return (find as (...a: unknown[]) => unknown)(filter, ...rest);
    }) as typeof Cases.find;
    restore = () => {
      counting = false;
      Cases.find = find;
    };
  });
  afterEach(() => restore());

  it('reads a queue once, then answers from the kept rows while nothing in the queue changes', async () => {
    expect(await readsOf(() => desk())).to.equal(1);
    expect(await readsOf(() => desk())).to.equal(0);
    expect(await readsOf(() => desk())).to.equal(0);
    // another page size is another list shape, read once too
    expect(await readsOf(() => desk({ ...screening, limit: 2 }))).to.equal(1);
    expect(await readsOf(() => desk({ ...screening, limit: 2 }))).to.equal(0);
  });

  it('reads again after a commit of a case in the queue, made by another server', async () => {
    const other = w.instance().store;
    const before = await desk();
    expect(await readsOf(() => desk())).to.equal(0);
    const target = before.cases.items[1]!;
    // a respondent linked: the case stays in its status and queue, only its row changes
    await other.transition(target.id, w.actor(U.admin), {
      type: 'LINK_RESPONDENT',
      respondentId: U.complainant2,
    });
    const linked = await readsOf(() => desk());
    expect(linked).to.equal(1);
    expect((await desk()).cases.items[1]).to.include({ id: target.id, status: 'screening' });
    expect((await caseModel(w.t.db).findById(target.id).lean())?.respondentId).to.equal(U.complainant2);
    // information requested: another status of the same queue
    await other.transition(target.id, w.actor(U.admin), { type: 'REQUEST_INFO', items: ['licence'] });
    let after: Awaited<ReturnType<CaseService['desk']>> | undefined;
    expect(await readsOf(async () => (after = await desk()))).to.equal(1);
    expect(after!.cases.items[1]).to.include({ id: target.id, status: 'awaitingInfo' });
    expect(after!.cases.total).to.equal(before.cases.total);
    // a case filed (entering the queue) and one accepted (leaving it) move it again
    w.clock.advance(60_000);
    await w.file({ ...smallTrademarkMediation, title: 'Kept late' });
    expect(await readsOf(() => desk())).to.equal(1);
    await other.transition(before.cases.items[0]!.id, w.actor(U.admin), { type: 'ACCEPT' });
    const last = await desk();
    expect(last.cases.items.map((c) => c.id)).to.not.include(before.cases.items[0]!.id);
    expect(last.counts.byQueue.screening).to.equal(before.counts.byQueue.screening);
  });

  it("keeps one queue's page while another queue changes, and never keeps the channel queue", async () => {
    await desk();
    const triage = await desk({ queue: 'triage', page: 1, limit: 5 });
    expect(triage.cases.items.length).to.be.greaterThan(0);
    // a commit in triage moves triage's version, not screening's
    const held = triage.cases.items[0]!;
    await w.store.transition(held.id, w.actor(U.admin), { type: 'ROUTE', channel: 'mediation' });
    expect(await readsOf(() => desk())).to.equal(0);
    expect(await readsOf(() => desk({ queue: 'triage', page: 1, limit: 5 }))).to.equal(1);
    // cases in channel change with every mediator's action: that queue is read every time
    await desk({ queue: 'inChannel', page: 1, limit: 5 });
    expect(await readsOf(() => desk({ queue: 'inChannel', page: 1, limit: 5 }))).to.equal(1);
  });

  it('sees a write that bypasses the store within the maximum age, and at once after a recount', async () => {
    const before = await desk();
    const target = before.cases.items[0]!;
    await caseModel(w.t.db).updateOne({ _id: target.id }, { $set: { title: 'Edited by hand' } });
    const stale = await kept.desk(admin(), screening);
    expect(stale.cases.items[0]!.title).to.equal(target.title);
    w.clock.advance(LIST_PAGE_MAX_AGE_MS + 1);
    expect((await desk()).cases.items[0]!.title).to.equal('Edited by hand');
    await caseModel(w.t.db).updateOne({ _id: target.id }, { $set: { title: target.title } });
    await recountTallies(w.t.db);
    expect((await desk()).cases.items[0]!.title).to.equal(target.title);
  });
});

describe('the versions of the watched desk queues', () => {
  const w = useCaseWorld('queue-versions', '2025-03-03T02:00:00.000Z');
  const at = (status: string, deskQueue: string | null, viewerKeys: string[] = []) =>
    ({ open: true, status, deskQueue, viewerKeys }) as TalliedCase;

  it('moves a watched queue with every change of a case in it, and no other tally that stays put', () => {
    expect([...tallyChanges(at('screening', 'screening'), at('screening', 'screening'))]).to.deep.equal([
      ['all|screening|screening', 0],
    ]);
    expect([
      ...tallyChanges(at('triage', 'triage', ['o:org-1']), at('triage', 'triage', ['o:org-1'])),
    ]).to.deep.equal([
      ['all|triage|triage', 0],
      ['o:org-1|triage|triage', 0],
    ]);
    expect([...tallyChanges(at('inChannel', 'inChannel'), at('inChannel', 'inChannel'))]).to.deep.equal([]);
    expect([...tallyChanges(at('screening', 'screening'), at('awaitingInfo', 'screening'))]).to.deep.equal([
      ['all|screening|screening', -1],
      ['all|awaitingInfo|screening', 1],
    ]);
  });

  it('gives a version that a commit, a recount and tallies created again all change', async () => {
    const tallies = createCaseTallies(w.t.db);
    const version = async () => (await tallies.readScope(ALL_CASES_SCOPE)).versionOf('screening');
    expect((await tallies.readScope(ALL_CASES_SCOPE)).versionOf('inChannel')).to.equal(undefined);
    const doc = (await w.file({ ...smallTrademarkMediation, title: 'Versioned' })) as CaseDoc;
    const v1 = await version();
    expect(v1).to.match(/^all\|screening\|screening@[0-9a-f-]+:\d+$/);
    await w.store.transition(doc._id, w.actor(U.admin), { type: 'REQUEST_INFO', items: ['licence'] });
    const v2 = await version();
    expect(v2).to.not.equal(v1);
    await recountTallies(w.t.db);
    const v3 = await version();
    expect(v3).to.not.equal(v2);
    // emptied and counted again from scratch: same counts, another epoch
    const Tallies = caseTallyModel(w.t.db);
    const counts = (await tallies.readScope(ALL_CASES_SCOPE)).counts;
    await Tallies.deleteMany({});
    await recountTallies(w.t.db);
    await Tallies.updateMany({}, { $set: { v: 1 } });
    const again = await tallies.readScope(ALL_CASES_SCOPE);
    expect(again.counts).to.deep.equal(counts);
    await Tallies.deleteMany({});
    await recountTallies(w.t.db);
    await Tallies.updateMany({}, { $set: { v: 1 } });
    expect(await version()).to.not.equal(again.versionOf('screening'));
  });
});

describe('the kept pages', () => {
  const rows = (...ids: string[]) => ids.map((_id) => ({ _id }) as CaseDoc);

  it('answers only at the version kept, keeps the most recently used shapes, and none at size 0', () => {
    let now = 0;
    const memo = createListPageMemo(2, () => now);
    memo.set('a', 'v1', rows('x'));
    expect(memo.get('a', 'v1')?.map((r) => r._id)).to.deep.equal(['x']);
    expect(Object.isFrozen(memo.get('a', 'v1')?.[0])).to.equal(true);
    expect(memo.get('a', 'v2')).to.equal(undefined);
    expect(memo.get('a', 'v1'), 'forgotten once another version was asked').to.equal(undefined);
    memo.set('a', 'v1', rows('x'));
    memo.set('b', 'v1', rows('y'));
    expect(memo.get('a', 'v1')).to.not.equal(undefined); // a is now the most recently used
    memo.set('c', 'v1', rows('z'));
    expect(memo.get('b', 'v1')).to.equal(undefined);
    expect(memo.get('a', 'v1')).to.not.equal(undefined);
    now += LIST_PAGE_MAX_AGE_MS + 1;
    expect(memo.get('c', 'v1'), 'older than the maximum age').to.equal(undefined);
    const none = createListPageMemo(0);
    none.set('a', 'v1', rows('x'));
    expect(none.get('a', 'v1')).to.equal(undefined);
  });
});
