/**
 * `npm run export -- FILE`: writes the event logs, accounts, organisations, credit register, case
 * numbers and evidence files (with their SHA-256) to a new archive FILE (docs/portability.md).
 * Uses MONGODB_URI, or the embedded database in DATA_DIR (stop the server first).
 */
import { describeArchiveContents } from '../server/portability/describeArchiveContents.js';
import { exportData } from '../server/portability/exportData.js';
import { archiveArgument } from './archiveArgument.js';
import { runMaintenance } from './runMaintenance.js';

const file = archiveArgument('export', 'the archive to create, a .tar.gz that does not exist yet');

await runMaintenance(async (db, logger) => {
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const summary = await exportData(db, file, { logger, progress: print });
  for (const id of summary.unrecordedEvidence) {
    print(`warning: evidence file ${id} is left out: no case records it (an upload cut short)`);
  }
  for (const id of summary.missingEvidence) {
    print(`warning: evidence ${id} is recorded in its case log but its file is missing from the database`);
  }
  print(
    `exported ${describeArchiveContents(summary.manifest.counts)} to ${file} (${summary.archiveBytes} bytes)`,
  );
  return 0;
});
