/**
 * Composition root: config → database → app → realtime → listen → graceful shutdown.
 * Nothing else reads `process.env` or listens on a port.
 */
import { createServer } from 'node:http';
import type { Connection } from 'mongoose';
import { resolveJwtSecret } from './auth/resolveJwtSecret.js';
import { loadConfig, type Config } from './config/loadConfig.js';
import { connectDatabase } from './db/connectDatabase.js';
import { startEmbeddedFerretDb, type EmbeddedFerretDb } from './db/startEmbeddedFerretDb.js';
import { createApp } from './http/createApp.js';
import { createLogger } from './logging/createLogger.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(78);
  }
  const logger = createLogger(config);

  let embedded: EmbeddedFerretDb | undefined;
  let db: Connection;
  try {
    if (config.mongodbUri) {
      db = await connectDatabase(config.mongodbUri);
    } else {
      logger.info({ dataDir: config.dataDir }, 'starting the embedded database (FerretDB)');
      embedded = await startEmbeddedFerretDb({ dataDir: config.dataDir, binary: config.ferretdbBin, logger });
      db = await connectDatabase(embedded.uri, 'sevenfold');
    }
  } catch (err) {
    logger.fatal({ err }, (err as Error).message);
    process.stderr.write(`Sevenfold could not start: ${(err as Error).message}\n`);
    await embedded?.stop().catch(() => undefined);
    process.exit(1);
  }

  const app = createApp({ config, logger, db, jwtSecret: resolveJwtSecret(config) });
  const server = createServer(app);

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: draining HTTP connections');
    const forced = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
    forced.unref();
    await new Promise<void>((r) => {
      server.close(() => r());
      server.closeIdleConnections();
    });
    clearTimeout(forced);
    await db.close().catch((err: unknown) => logger.warn({ err }, 'closing the database failed'));
    await embedded?.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  server.listen(config.port, config.host, () => {
    const addr = server.address();
    const port = addr && typeof addr === 'object' ? addr.port : config.port;
    logger.info({ url: `http://${config.host}:${port}` }, 'Sevenfold is listening');
  });
}

void main();
