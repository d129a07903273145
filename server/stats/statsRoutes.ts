import { Router, type RequestHandler } from 'express';
import type { AuthUser } from '../auth/authUser.js';
import { validate } from '../http/validate.js';
import type { StatsQuery } from './statsQuery.js';
import { statsQuerySchema } from './statsQuery.js';
import type { StatsService } from './statsService.js';

/** `GET /api/stats?from=&to=`: dashboard figures for admins (every case) and officers (their organisation's). */
export function statsRoutes(deps: { stats: StatsService; auth: RequestHandler }): Router {
  const router = Router();
  router.get('/', deps.auth, validate({ query: statsQuerySchema }), async (_req, res) => {
    res.json(await deps.stats.stats(res.locals.user as AuthUser, res.locals.query as StatsQuery));
  });
  return router;
}
