import { expect } from 'chai';
import { caseEventModel } from '../../../server/cases/caseEventModel.js';
import { caseModel } from '../../../server/cases/caseModel.js';
import { caseSearchModel } from '../../../server/cases/caseSearchModel.js';
import { dropRetiredIndexes, RETIRED_INDEXES } from '../../../server/compose/retiredIndexes.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

describe('retired indexes', function () {
  this.timeout(60_000);
  const t = useTestDatabase('retired-indexes');

  it('drops at start-up the case, case-search and event-log indexes an earlier version declared, and only those', async () => {
    const Cases = caseModel(t.db);
    const declared = (await Cases.collection.indexes()).map((i) => i.name).sort();
    // a data folder of the version before: its list indexes are still there
    for (const keys of [
      { viewerKeys: 1, status: 1 },
      { viewerKeys: 1, open: 1 },
      { viewerKeys: 1, deskQueue: 1 },
      { assigneeIds: 1, status: 1 },
      { assigneeIds: 1, open: 1 },
      { assigneeIds: 1, attentionAt: 1 },
      { status: 1, filedAt: 1 },
      { open: 1, status: 1 },
      { mediatorId: 1, open: 1 },
      { orgId: 1, open: 1 },
      { orgId: 1, filedAt: 1 },
      { complainantId: 1, filedAt: -1 },
      { rightNumbers: 1 },
    ] as Record<string, 1 | -1>[])
      await Cases.collection.createIndex(keys);
    // and `case_search`'s lookup by right before `open` joined it
    const Search = caseSearchModel(t.db);
    await Search.init();
    const declaredSearch = (await Search.collection.indexes()).map((i) => i.name).sort();
    await Search.collection.createIndex({ rightNumbers: 1 });
    // and the event log's {caseId, seq}, from before logs were read by their ids
    const Events = caseEventModel(t.db);
    await Events.init();
    const declaredEvents = (await Events.collection.indexes()).map((i) => i.name).sort();
    await Events.collection.createIndex({ caseId: 1, seq: 1 });
    const dropped = await dropRetiredIndexes(t.db);
    expect(dropped.sort()).to.deep.equal(
      Object.entries(RETIRED_INDEXES)
        .flatMap(([collection, names]) => names.map((name) => `${collection}.${name}`))
        .sort(),
    );
    expect((await Cases.collection.indexes()).map((i) => i.name).sort()).to.deep.equal(declared);
    expect((await Search.collection.indexes()).map((i) => i.name).sort()).to.deep.equal(declaredSearch);
    expect(declaredSearch).to.include('rightNumbers_1_open_1');
    expect((await Events.collection.indexes()).map((i) => i.name).sort()).to.deep.equal(declaredEvents);
    expect(declaredEvents).to.deep.equal(['_id_', 'caseId_1_type_1']);
    // none of them is declared any more, and a second start has nothing to drop
    for (const name of RETIRED_INDEXES.cases!) expect(declared).not.to.include(name);
    for (const name of RETIRED_INDEXES.case_search!) expect(declaredSearch).not.to.include(name);
    for (const name of RETIRED_INDEXES.case_events!) expect(declaredEvents).not.to.include(name);
    expect(await dropRetiredIndexes(t.db)).to.deep.equal([]);
  });
});
