import { Router, type RequestHandler } from 'express';
import type { AuthUser } from '../auth/authUser.js';
import type { CreditDisclosure } from '../credit/creditDisclosure.js';
import { disclosureQuerySchema } from '../credit/creditQuery.js';
import { clientAddressKey } from '../http/clientAddressKey.js';
import { validate } from '../http/validate.js';
import type { PublicMetrics } from './publicMetrics.js';
import {
  reportActionSchema,
  reportIdParamsSchema,
  reportListQuerySchema,
  reportSchema,
  type ReportAction,
  type ReportInput,
} from './publicQuery.js';
import type { ReportStatus } from '../../shared/api/supervisionReportView.js';
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

/**
 * The supervision office's queue of public reports: `GET /api/supervision/reports?page=&status=`,
 * `GET /api/supervision/reports/:id`, and `POST /api/supervision/reports/:id/actions` (acknowledge,
 * handle with a note and the case it concerns; audited).
 */
export function supervisionRoutes(deps: { reports: SupervisionReports; auth: RequestHandler }): Router {
  const router = Router();
  const userOf = (res: { locals: Record<string, unknown> }) => res.locals.user as AuthUser;
  router.get('/reports', deps.auth, validate({ query: reportListQuerySchema }), async (_req, res) => {
    const query = res.locals.query as Paged & { status?: ReportStatus };
    res.json(await deps.reports.list(userOf(res), query));
  });
  router.get('/reports/:id', deps.auth, validate({ params: reportIdParamsSchema }), async (_req, res) => {
    const { id } = res.locals.params as { id: string };
    res.json(await deps.reports.get(userOf(res), id));
  });
  router.post(
    '/reports/:id/actions',
    deps.auth,
    validate({ params: reportIdParamsSchema, body: reportActionSchema }),
    async (_req, res) => {
      const { id } = res.locals.params as { id: string };
      res.json(await deps.reports.act(userOf(res), id, res.locals.body as ReportAction));
    },
  );
  return router;
}
