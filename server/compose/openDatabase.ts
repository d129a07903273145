import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config/loadConfig.js';
import { connectDatabase } from '../db/connectDatabase.js';
import { prepareDatabase } from './prepareDatabase.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../db/startEmbeddedDatabase.js';

/** An open database connection and, for the embedded default, its engine. */
export interface OpenDatabase {
  db: Connection;
  embedded: EmbeddedDatabase | undefined;
  /** Closes the connection and stops the embedded engine. */
  close(): Promise<void>;
}

/**
 * Connects to `MONGODB_URI`, or starts the embedded SecantusDB in `DATA_DIR` and connects to it
 * (database `sevenfold`). Used by the server and by the maintenance scripts.
 */
export async function openDatabase(config: Config, logger: Logger): Promise<OpenDatabase> {
  if (config.mongodbUri) {
    const db = await connectDatabase(config.mongodbUri);
    await prepareDatabase(db);
    return { db, embedded: undefined, close: () => db.close() };
  }
  logger.info({ dataDir: config.dataDir }, 'starting the embedded database (SecantusDB)');
  const embedded = await startEmbeddedDatabase({
    dataDir: config.dataDir,
    binary: config.secantusBin,
    logger,
    // an engine that crashes is restarted at once; the connection recovers without a server restart
    supervise: true,
  });
  try {
    const db = await connectDatabase(embedded.uri, 'sevenfold');
    await prepareDatabase(db);
    return {
      db,
      embedded,
      async close() {
        await db.close().catch((err: unknown) => logger.warn({ err }, 'closing the database failed'));
        await embedded.stop();
      },
    };
  } catch (err) {
    await embedded.stop();
    throw err;
  }
}
