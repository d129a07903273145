import type { Express } from 'express';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config/loadConfig.js';
import type { SharedRedis } from '../http/createRateLimiter.js';
import { createMailOutbox } from '../mail/createMailOutbox.js';
import { createCaseNotifier } from '../notifications/createCaseNotifier.js';
import { createApp } from './createApp.js';
import { createCaseEngine, type CaseEngine } from './createCaseEngine.js';
import { createServices, type AppDeps, type AppServices } from './createServices.js';

/** What the composition root is given: the validated configuration and an open database. */
export interface SevenfoldBase {
  config: Config;
  logger: Logger;
  db: Connection;
  /** Secret that signs and verifies access tokens. */
  jwtSecret: string;
  now?: () => Date;
  /** The built web client to serve; by default `client/dist` when it has been built. */
  clientDir?: string;
  /** A connected Redis shared by the instances (`REDIS_URL`). */
  redis?: SharedRedis | undefined;
}

/** One Sevenfold instance built over a database: engine, services and HTTP app (nothing runs yet). */
export interface Sevenfold {
  deps: AppDeps;
  engine: CaseEngine;
  services: AppServices;
  app: Express;
  /** Starts the timers: clock scheduler, document worker, mail sender, retry of interrupted effects. */
  start(): void;
  /** Stops the timers and flushes what is buffered (the audit log's reads). */
  stop(): Promise<void>;
}

/**
 * The composition root: builds the case engine (with its notifier and effects), the services and the
 * app, in that order, once. `server/index.ts`, the test harness and the benchmarks all build through
 * it, so each piece exists once per instance and is wired the same way everywhere.
 */
export function composeSevenfold(base: SevenfoldBase): Sevenfold {
  const now = base.now ?? (() => new Date());
  const { db, config, logger } = base;
  const notifier = createCaseNotifier({ db, outbox: createMailOutbox({ db, config, logger, now }), logger });
  const engine = createCaseEngine({ db, logger, notifier, config, now });
  const deps: AppDeps = { ...base, now, engine };
  const services = createServices(deps);
  const app = createApp(deps, services);

  let retrier: NodeJS.Timeout | undefined;
  let retrying = false;
  return {
    deps,
    engine,
    services,
    app,
    start() {
      engine.scheduler.start();
      engine.documents.start();
      services.mailSender.start();
      // effects that failed (say the database went away after a commit) are finished once it answers again
      retrier = setInterval(() => {
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
    },
    async stop() {
      clearInterval(retrier);
      await engine.scheduler.stop();
      await engine.documents.stop();
      await services.mailSender.stop();
      await services.auditLog.flush();
    },
  };
}
