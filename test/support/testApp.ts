import express, { type Express } from 'express';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { type CaseEngine } from '../../server/compose/createCaseEngine.js';
import type { Config } from '../../server/config/loadConfig.js';
import { DEMO_PASSWORD } from '../../server/demo/demoDirectory.js';
import { seedDemoDirectory } from '../../server/demo/seedDemoDirectory.js';
import type { SharedRedis } from '../../server/http/createRateLimiter.js';
import { composeSevenfold } from '../../server/compose/composeSevenfold.js';
import { type AppDeps, type AppServices } from '../../server/compose/createServices.js';
import { testConfig } from './testConfig.js';
import { testLogger } from './testEnvironment.js';

/** An app over a test database, with its engine and services. */
export interface TestApp {
  app: Express;
  deps: AppDeps;
  services: AppServices;
  engine: CaseEngine;
}

/** Builds the real app on a connection (no listening). */
export function buildTestApp(
  db: Connection,
  opts: { config?: Config; now?: () => Date; clientDir?: string; redis?: SharedRedis } = {},
): TestApp {
  const now = opts.now ?? (() => new Date());
  const config = opts.config ?? testConfig();
  const { deps, engine, services, app } = composeSevenfold({
    config,
    logger: testLogger,
    db,
    jwtSecret: 'test-secret-test-secret-test-secret-0123',
    now,
    ...(opts.clientDir ? { clientDir: opts.clientDir } : {}),
    ...(opts.redis ? { redis: opts.redis } : {}),
  });
  // every app in the suite reports server errors, so the run can prove no request produced a 5xx
  const outer = express();
  outer.use((req, res, next) => {
    res.on('finish', () => {
      if (res.statusCode >= 500 && res.statusCode !== 503) {
        serverErrors().push(`${req.method} ${req.originalUrl} → ${res.statusCode}`);
        if (process.env.TEST_LOG_LEVEL) console.error('5xx', req.method, req.originalUrl, res.statusCode);
      }
    });
    next();
  });
  outer.use(app);
  return { app: outer, deps, services, engine };
}

/** 5xx responses seen by any test app in this run (checked by the root hook at the end). */
export function serverErrors(): string[] {
  const g = globalThis as { __sevenfoldServerErrors?: string[] };
  g.__sevenfoldServerErrors ??= [];
  return g.__sevenfoldServerErrors;
}

/** Seeds the demo directory into a test database. */
export async function seedDirectory(db: Connection): Promise<void> {
  await seedDemoDirectory(db);
}

/** Signs a demo user in through the API and returns their bearer token. */
export async function login(app: Express, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await request(app).post('/api/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text}`);
  return (res.body as { token: string }).token;
}
