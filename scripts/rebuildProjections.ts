/** `npm run rebuild-projections`: rebuilds every case projection from its event log. */
import { recountTallies } from '../server/cases/caseTallies.js';
import { ensureCaseSearch } from '../server/cases/ensureCaseSearch.js';
import { dropRetiredIndexes } from '../server/compose/retiredIndexes.js';
import { createCaseEngine } from '../server/compose/createCaseEngine.js';
import { runMaintenance } from './runMaintenance.js';

await runMaintenance(async (db, logger) => {
  // a folder of a version that kept the search tokens in `cases`: the old index goes first
  await ensureCaseSearch(db);
  await dropRetiredIndexes(db);
  const { store } = createCaseEngine({ db, logger });
  const ids = (await store.models.events.distinct('caseId')) as string[];
  let failed = 0;
  for (const id of ids) {
    try {
      await store.rebuild(id);
      await store.finish(id);
    } catch (err) {
      failed++;
      process.stderr.write(`case ${id}: ${(err as Error).message}\n`);
    }
  }
  process.stdout.write(`rebuilt ${ids.length - failed} of ${ids.length} case projections\n`);
  const open = await recountTallies(db);
  process.stdout.write(`counted ${open} open cases into the desks' tallies\n`);
  return failed === 0 ? 0 : 1;
});
