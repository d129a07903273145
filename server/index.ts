/**
 * Composition root: config → database → case engine → app → realtime → listen → graceful shutdown.
 * Nothing else reads `process.env` or listens on a port.
 */
import { createServer } from 'node:http';
import { createClient } from 'redis';
import { resolveJwtSecret } from './auth/resolveJwtSecret.js';
import { createCaseEngine } from './cases/createCaseEngine.js';
import { loadConfig, type Config } from './config/loadConfig.js';
import { ensureTallies } from './cases/caseTallies.js';
import { openDatabase, type OpenDatabase } from './db/openDatabase.js';
import { seedDemoCases } from './demo/seedDemoCases.js';
import { seedDemoDirectory } from './demo/seedDemoDirectory.js';
import { seedProgress } from './demo/seedProgress.js';
import { createApp, createServices } from './http/createApp.js';
import { createMailOutbox } from './mail/createMailOutbox.js';
import { createCaseNotifier } from './notifications/createCaseNotifier.js';
import { createLogger } from './logging/createLogger.js';
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

  const notifier = createCaseNotifier({ db, outbox: createMailOutbox({ db, config, logger }), logger });
  const engine = createCaseEngine({ db, logger, notifier, config });
  if (config.demoData) {
    const seeded = await seedDemoDirectory(db);
    if (seeded.users > 0) {
      logger.info(seeded, 'created the demo organisations and accounts (password sevenfold-demo)');
      if (config.demoCases > 0 && (await engine.store.models.cases.estimatedDocumentCount()) === 0) {
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
  const counted = await ensureTallies(db);
  if (counted > 0)
    logger.info({ counted }, 'counted the open cases into the desk tallies (first start on this version)');
  const finished = await engine.store.finishPending();
  if (finished > 0) logger.warn({ finished }, 'finished case effects that the last run left pending');
  engine.scheduler.start();
  engine.documents.start();

  // with REDIS_URL the abuse limits (sign-in, registration, writes) count across all instances
  const redis = config.redisUrl ? createClient({ url: config.redisUrl }) : undefined;
  if (redis) {
    redis.on('error', (err: unknown) => logger.error({ err }, 'redis (limits) error'));
    await redis.connect();
  }
  const deps = {
    config,
    logger,
    db,
    jwtSecret: resolveJwtSecret(config),
    engine,
    ...(redis ? { redis } : {}),
  };
  const services = createServices(deps);
  const app = createApp(deps, services);
  services.mailSender.start();
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
  // effects that failed (say the database went away after a commit) are finished once it answers again
  let retrying = false;
  const retrier = setInterval(() => {
    if (retrying || !engine.store.effectsFailed) return;
    retrying = true;
    engine.store
      .finishPending()
      .then((n) => {
        if (n > 0) logger.warn({ finished: n }, 'finished case effects that a failure interrupted');
      })
      .catch((err: unknown) => logger.warn({ err }, 'finishing pending case effects failed'))
      .finally(() => {
        retrying = false;
      });
  }, 1000);
  retrier.unref();

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: draining HTTP connections');
    clearInterval(retrier);
    const forced = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
    forced.unref();
    // closes the sockets and the HTTP server; in-flight requests finish first
    const closed = realtime.close();
    server.closeIdleConnections();
    await closed;
    clearTimeout(forced);
    await engine.scheduler.stop();
    await engine.documents.stop();
    await services.mailSender.stop();
    // the reads gathered for the audit log since its last write
    await services.auditLog.flush();
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
