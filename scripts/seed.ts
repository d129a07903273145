/**
 * `npm run seed [-- --cases N]`: creates the demo organisations and accounts (password
 * sevenfold-demo) and, with --cases, N demo cases from the same generator as the first start (across
 * every channel, track and state, filed over the last twelve months; the same N gives the same cases).
 * Uses MONGODB_URI, or the embedded database in DATA_DIR (stop the server first).
 */
import { parseArgs } from 'node:util';
import { seedDemoCases } from '../server/demo/seedDemoCases.js';
import { seedDemoDirectory } from '../server/demo/seedDemoDirectory.js';
import { seedProgress } from '../server/demo/seedProgress.js';
import { runMaintenance } from './runMaintenance.js';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '0' } } });
const cases = Number(values.cases);
if (!Number.isInteger(cases) || cases < 0 || cases > 100_000) {
  process.stderr.write('--cases takes a whole number from 0 to 100000\n');
  process.exit(2);
}

await runMaintenance(async (db, logger) => {
  const directory = await seedDemoDirectory(db);
  process.stdout.write(
    `demo directory: ${directory.orgs} organisations and ${directory.users} accounts created\n`,
  );
  if (cases > 0) {
    const started = performance.now();
    const progress = seedProgress(cases, (done, total) =>
      process.stdout.write(`demo cases: ${done} of ${total}\n`),
    );
    const created = await seedDemoCases(db, logger, cases, { onProgress: (n) => progress.update(n) });
    progress.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`${created} demo cases created in ${seconds} s\n`);
  }
  return 0;
});
