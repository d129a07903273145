import { Router, type RequestHandler } from 'express';
import type { AuthUser } from '../auth/authUser.js';
import type { CreditDisclosure } from '../credit/creditDisclosure.js';
import { disclosureQuerySchema } from '../credit/creditQuery.js';
import { clientAddressKey } from '../http/clientAddressKey.js';
import { validate } from '../http/validate.js';
import type { PublicMetrics } from './publicMetrics.js';
import { reportListQuerySchema, reportSchema, type ReportInput } from './publicQuery.js';
import type { ReportThrottle } from './reportThrottle.js';
import type { SupervisionReports } from './supervisionReports.js';

/** What the public pages' routes need. */
export interface PublicDeps {
  metrics: PublicMetrics;
  disclosure: CreditDisclosure;
  reports: SupervisionReports;
  reportThrottle: ReportThrottle;
}

type Paged = { page: number; limit: number };

/**
 * `/api/public` (no sign-in): `GET /metrics` (outcome figures), `GET /credit?page=` (the credit
 * disclosure), `POST /reports` (a report to the social-supervision office, limited per address).
 */
export function publicRoutes(deps: PublicDeps): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    res.json(await deps.metrics.metrics());
  });
  router.get('/credit', validate({ query: disclosureQuerySchema }), async (_req, res) => {
    const { page, limit } = res.locals.query as Paged;
    res.json(await deps.disclosure.page(page, limit));
  });
  router.post('/reports', validate({ body: reportSchema }), async (req, res) => {
    await deps.reportThrottle.take(clientAddressKey(req));
    res.status(201).json(await deps.reports.submit(res.locals.body as ReportInput));
  });
  return router;
}

/** `GET /api/supervision/reports?page=`: the supervision office's queue of public reports. */
export function supervisionRoutes(deps: { reports: SupervisionReports; auth: RequestHandler }): Router {
  const router = Router();
  router.get('/reports', deps.auth, validate({ query: reportListQuerySchema }), async (_req, res) => {
    const { page, limit } = res.locals.query as Paged;
    res.json(await deps.reports.list(res.locals.user as AuthUser, page, limit));
  });
  return router;
}
