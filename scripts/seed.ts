/**
 * `npm run seed [-- --cases N]`: creates the demo organisations and accounts (password
 * sevenfold-demo) and, with --cases, N realistic cases across all channels and states.
 * Uses MONGODB_URI, or the embedded database in DATA_DIR (stop the server first).
 */
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { seedDemoCases } from '../server/demo/seedDemoCases.js';
import { seedDemoDirectory } from '../server/demo/seedDemoDirectory.js';
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
    const bar = new SingleBar(
      { format: 'demo cases [{bar}] {value}/{total} {eta_formatted}' },
      Presets.shades_classic,
    );
    bar.start(cases, 0);
    await seedDemoCases(db, logger, cases, { onProgress: (n) => bar.update(n) });
    bar.stop();
    process.stdout.write(`${cases} demo cases created\n`);
  }
  return 0;
});
