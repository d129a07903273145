/**
 * `npm run verify-log`: checks every case's hash chain and that its projection equals a replay of
 * its log. Exits 1 and names each problem when anything is off.
 */
import { createCaseStore } from '../server/cases/caseStore.js';
import { projectCase } from '../server/cases/projectCase.js';
import { foldCaseEvent } from '../server/cases/foldCaseEvent.js';
import { verifyCaseLog } from '../server/cases/verifyCaseLog.js';
import type { CaseFoldState } from '../server/cases/projectCase.js';
import { runMaintenance } from './runMaintenance.js';

await runMaintenance(async (db, logger) => {
  const store = createCaseStore({ db, logger, now: () => new Date() });
  const ids = (await store.models.events.distinct('caseId')) as string[];
  let bad = 0;
  for (const id of ids) {
    const events = await store.events(id);
    const check = verifyCaseLog(id, events);
    const problems = [...check.problems];
    if (check.ok) {
      let state: CaseFoldState | undefined;
      for (const ev of events) state = foldCaseEvent(state, ev);
      const replayed = state ? projectCase(state) : undefined;
      const stored = await store.models.cases.findById(id).lean();
      if (!stored) problems.push('no projection (run npm run rebuild-projections)');
      else if (stored.seq !== replayed?.seq || stored.lastHash !== replayed.lastHash) {
        problems.push(`projection at seq ${stored.seq}, log at ${replayed?.seq}`);
      } else if (stored.stage !== replayed.stage || stored.status !== replayed.status) {
        problems.push(`projection says ${stored.stage}, replay says ${replayed.stage}`);
      }
    }
    if (problems.length) {
      bad++;
      process.stdout.write(`case ${id}: ${problems.join('; ')}\n`);
    }
  }
  process.stdout.write(
    `verified ${ids.length} case logs: ${ids.length - bad} intact, ${bad} with problems\n`,
  );
  return bad === 0 ? 0 : 1;
});
