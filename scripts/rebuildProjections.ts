/** `npm run rebuild-projections`: rebuilds every case projection from its event log. */
import { createCaseStore } from '../server/cases/caseStore.js';
import { createCaseEffects } from '../server/cases/caseEffects.js';
import { runMaintenance } from './runMaintenance.js';

await runMaintenance(async (db, logger) => {
  const store = createCaseStore({ db, logger, now: () => new Date() });
  const effects = createCaseEffects({ db, store, logger });
  const ids = (await store.models.events.distinct('caseId')) as string[];
  let failed = 0;
  for (const id of ids) {
    try {
      const doc = await store.rebuild(id);
      await effects.run(doc);
    } catch (err) {
      failed++;
      process.stderr.write(`case ${id}: ${(err as Error).message}\n`);
    }
  }
  process.stdout.write(`rebuilt ${ids.length - failed} of ${ids.length} case projections\n`);
  return failed === 0 ? 0 : 1;
});
