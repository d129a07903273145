/**
 * Composition root: config → database → case engine → app → realtime → listen → graceful shutdown.
 * Nothing else reads `process.env` or listens on a port.
 */
import { createServer } from 'node:http';
import { resolveJwtSecret } from './auth/resolveJwtSecret.js';
import { createCaseEngine } from './cases/createCaseEngine.js';
import { loadConfig, type Config } from './config/loadConfig.js';
import { openDatabase, type OpenDatabase } from './db/openDatabase.js';
import { DEMO_SCENARIOS } from './demo/demoScenarios.js';
import { seedDemoCases } from './demo/seedDemoCases.js';
import { seedDemoDirectory } from './demo/seedDemoDirectory.js';
import { createApp, createServices } from './http/createApp.js';
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

  const engine = createCaseEngine({ db, logger });
  if (config.demoData) {
    const seeded = await seedDemoDirectory(db);
    if (seeded.users > 0) {
      logger.info(seeded, 'created the demo organisations and accounts (password sevenfold-demo)');
      if ((await engine.store.models.cases.estimatedDocumentCount()) === 0) {
        const cases = await seedDemoCases(db, logger, DEMO_SCENARIOS.length);
        logger.info({ cases }, 'created demo cases across all channels');
      }
    }
  }
  await Promise.all(Object.values(db.models).map((m) => m.init()));
  const repaired = await engine.effects.reconcileOpenCases();
  if (repaired > 0) logger.warn({ repaired }, 'repaired case projections that lagged behind their event log');
  engine.scheduler.start();

  const deps = { config, logger, db, jwtSecret: resolveJwtSecret(config), engine };
  const services = createServices(deps);
  const app = createApp(deps, services);
  const server = createServer(app);
  const realtime = await createRealtime(server, { db, logger, services, engine, redisUrl: config.redisUrl });
  const sweeper = setInterval(() => {
    services.idempotency
      .sweep()
      .catch((err: unknown) => logger.warn({ err }, 'sweeping idempotency keys failed'));
  }, 3600_000);
  sweeper.unref();
  // commits cut short by a database outage (event appended, projection or effects not done) are
  // finished once it answers again, without waiting for the next start
  let repairing = false;
  const repairer = setInterval(() => {
    if (repairing || engine.store.interrupted.size === 0) return;
    repairing = true;
    engine.effects
      .repairInterrupted()
      .then((repaired) => {
        if (repaired > 0) logger.warn({ repaired }, 'finished commits that a database outage interrupted');
      })
      .catch((err: unknown) => logger.warn({ err }, 'repairing interrupted commits failed'))
      .finally(() => {
        repairing = false;
      });
  }, 1000);
  repairer.unref();

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: draining HTTP connections');
    clearInterval(sweeper);
    clearInterval(repairer);
    const forced = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
    forced.unref();
    // closes the sockets and the HTTP server; in-flight requests finish first
    const closed = realtime.close();
    server.closeIdleConnections();
    await closed;
    clearTimeout(forced);
    await engine.scheduler.stop();
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
