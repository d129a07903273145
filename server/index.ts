/**
 * Composition root: config → database → case engine → app → realtime → listen → graceful shutdown.
 * Nothing else reads `process.env` or listens on a port.
 */
import { createServer } from 'node:http';
import { createClient } from 'redis';
import { resolveJwtSecret } from './auth/resolveJwtSecret.js';
import { loadConfig, type Config } from './config/loadConfig.js';
import { ensureTallies } from './cases/caseTallies.js';
import { ensureCaseSearch } from './cases/ensureCaseSearch.js';
import { dropRetiredIndexes } from './compose/retiredIndexes.js';
import { openDatabase, type OpenDatabase } from './compose/openDatabase.js';
import { seedDemoCases } from './demo/seedDemoCases.js';
import { seedDemoDirectory } from './demo/seedDemoDirectory.js';
import { seedProgress } from './demo/seedProgress.js';
import { createLogger } from './logging/createLogger.js';
import { composeSevenfold } from './compose/composeSevenfold.js';
import { createRealtime } from './realtime/createRealtime.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(78);
  }
  const logger = createLogger(config);

  let database: OpenDatabase;
  try {
    database = await openDatabase(config, logger);
  } catch (err) {
    logger.fatal({ err }, (err as Error).message);
    process.stderr.write(`Sevenfold could not start: ${(err as Error).message}\n`);
    process.exit(1);
  }
  const { db } = database;

  if (config.demoData) {
    const seeded = await seedDemoDirectory(db);
    if (seeded.users > 0) {
      logger.info(seeded, 'created the demo organisations and accounts (password sevenfold-demo)');
      if (config.demoCases > 0 && (await db.collection('cases').estimatedDocumentCount()) === 0) {
        const started = performance.now();
        const progress = seedProgress(config.demoCases, (done, total) =>
          logger.info({ done, total }, `seeding demo cases: ${done} of ${total}`),
        );
        const cases = await seedDemoCases(db, logger, config.demoCases, {
          onProgress: (done) => progress.update(done),
        });
        progress.stop();
        const seconds = Math.round((performance.now() - started) / 100) / 10;
        logger.info({ cases, seconds }, `created ${cases} demo cases across all channels in ${seconds} s`);
      }
    }
  }
  // with REDIS_URL the abuse limits (sign-in, registration, writes) count across all instances
  const redis = config.redisUrl ? createClient({ url: config.redisUrl }) : undefined;
  if (redis) {
    redis.on('error', (err: unknown) => logger.error({ err }, 'redis (limits) error'));
    await redis.connect();
  }
  const sevenfold = composeSevenfold({
    config,
    logger,
    db,
    jwtSecret: resolveJwtSecret(config),
    ...(redis ? { redis } : {}),
  });
  const { engine, services, app } = sevenfold;
  const searchable = await ensureCaseSearch(db);
  if (searchable > 0)
    logger.info(
      { searchable },
      'wrote the search documents of the cases (case_search) as this version keeps them (first start on it)',
    );
  const retired = await dropRetiredIndexes(db);
  if (retired.length > 0) logger.info({ retired }, 'dropped the indexes this version no longer declares');
  const counted = await ensureTallies(db);
  if (counted > 0)
    logger.info({ counted }, 'counted the open cases into the desk tallies (first start on this version)');
  const finished = await engine.store.finishPending();
  if (finished > 0) logger.warn({ finished }, 'finished case effects that the last run left pending');
  sevenfold.start();

  if (!config.smtpUrl)
    logger.info('no SMTP_URL: mails stay in the local outbox (the administrator reads them under Outbox)');
  const server = createServer(app);
  const realtime = await createRealtime(server, {
    db,
    logger,
    services,
    engine,
    redisUrl: config.redisUrl,
    maxSocketsPerUser: config.realtimeMaxSocketsPerUser,
    presenceDebounceMs: config.realtimePresenceDebounceMs,
  });
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: draining HTTP connections');
    const forced = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
    forced.unref();
    // closes the sockets and the HTTP server; in-flight requests finish first
    const closed = realtime.close();
    server.closeIdleConnections();
    await closed;
    clearTimeout(forced);
    // the timers, and the reads gathered for the audit log since its last write
    await sevenfold.stop();
    await redis?.quit().catch(() => undefined);
    await database.close();
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
