import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Config } from '../config/loadConfig.js';
import { healthRoutes } from '../health/healthRoutes.js';
import { notFoundHandler, problemMiddleware } from './problemMiddleware.js';

/** What the HTTP app needs from the composition root. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  db: Connection;
  /** Secret that signs and verifies access tokens. */
  jwtSecret: string;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the Express 5 app. It never listens: `server/index.ts` and the tests do. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );
  app.use(express.json({ limit: '1mb' }));
  app.use(healthRoutes(deps.db));
  app.use(notFoundHandler);
  app.use(problemMiddleware(deps.logger));
  return app;
}
