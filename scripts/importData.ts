/**
 * `npm run import -- FILE`: loads an archive written by `npm run export` into an empty database,
 * after verifying every member's SHA-256 and every case's hash chain, then rebuilds the case
 * projections, deadlines and messages from the log (docs/portability.md). Uses MONGODB_URI, or the
 * embedded database in DATA_DIR (a new folder: import before the first `npm start`).
 */
import { describeArchiveContents } from '../server/portability/describeArchiveContents.js';
import { importData } from '../server/portability/importData.js';
import { archiveArgument } from './archiveArgument.js';
import { runMaintenance } from './runMaintenance.js';

const file = archiveArgument('import', 'an archive written by npm run export');

await runMaintenance(async (db, logger) => {
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const summary = await importData(db, file, { logger, progress: print });
  print(
    `imported ${describeArchiveContents(summary.manifest.counts)} from ${file}; every SHA-256 and hash ` +
      `chain verified; rebuilt ${summary.projections} case projections, ${summary.deadlines} deadlines ` +
      `and ${summary.messages} messages`,
  );
  return 0;
});
