import { Router } from 'express';
import type { Connection } from 'mongoose';
import { sendProblem } from '../http/sendProblem.js';

/** Pings the database, giving up after `timeoutMs`. */
export async function databaseAnswers(db: Connection, timeoutMs = 1500): Promise<boolean> {
  if (db.readyState !== 1 || !db.db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((r) => {
    timer = setTimeout(() => r(false), timeoutMs);
  });
  try {
    return await Promise.race([
      db.db
        .admin()
        .command({ ping: 1 })
        .then((res) => res.ok === 1)
        .catch(() => false),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** `GET /healthz` (the process is up) and `GET /readyz` (the database answers a ping, else 503). */
export function healthRoutes(db: Connection): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const ready = await databaseAnswers(db);
    if (ready) {
      res.json({ status: 'ready', database: 'up' });
    } else {
      sendProblem(res, 503, 'Service Unavailable', 'The database does not answer.', 'about:blank', {
        code: 'databaseUnavailable',
      });
    }
  });
  return router;
}
