import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { loadConfig } from '../server/config/loadConfig.js';
import { openDatabase } from '../server/compose/openDatabase.js';
import { createLogger } from '../server/logging/createLogger.js';

/**
 * Runs a maintenance task against the configured database (MONGODB_URI, or the embedded engine in
 * DATA_DIR — stop the server first: the data folder is locked while it runs). Exits with the task's code.
 */
export async function runMaintenance(
  task: (db: Connection, logger: Logger) => Promise<number>,
): Promise<void> {
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const logger = createLogger(config);
  let code = 1;
  try {
    const database = await openDatabase(config, logger);
    try {
      code = await task(database.db, logger);
    } finally {
      await database.close();
    }
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
  }
  process.exit(code);
}
