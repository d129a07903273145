import { Router, type RequestHandler } from 'express';
import type { AuthUser } from '../auth/authUser.js';
import { validate } from '../http/validate.js';
import { presentCreditEntry, presentCreditEntryDetail } from './creditPresenter.js';
import {
  creditDecisionSchema,
  creditIdParamsSchema,
  creditObjectionSchema,
  creditQuerySchema,
  creditRegisterQuerySchema,
  type CreditDecisionInput,
  type CreditRegisterQuery,
  type CreditQuery,
} from './creditQuery.js';
import type { CreditService } from './creditService.js';

/**
 * The credit register: `GET /api/credit?name=` (public, every signed-in role); `GET
 * /api/credit/register?status=&page=` (staff: the register, a page);
 * `GET /api/credit/:id` (the listed party and staff); `POST /api/credit/:id/objection` (the listed
 * party, within the objection period); `POST /api/credit/:id/decision` (staff: keep, correct or
 * remove an entry under objection).
 */
export function creditRoutes(deps: { credit: CreditService; auth: RequestHandler }): Router {
  const router = Router();
  const user = (res: { locals: Record<string, unknown> }) => res.locals.user as AuthUser;
  const id = (res: { locals: Record<string, unknown> }) => (res.locals.params as { id: string }).id;
  router.get('/', deps.auth, validate({ query: creditQuerySchema }), async (_req, res) => {
    const { name } = res.locals.query as CreditQuery;
    const entries = await deps.credit.search(name);
    res.json({ items: entries.map(presentCreditEntry) });
  });
  router.get('/register', deps.auth, validate({ query: creditRegisterQuerySchema }), async (_req, res) => {
    const page = await deps.credit.register(user(res), res.locals.query as CreditRegisterQuery);
    res.json({ ...page, items: page.items.map(presentCreditEntryDetail) });
  });
  router.get('/:id', deps.auth, validate({ params: creditIdParamsSchema }), async (_req, res) => {
    res.json(presentCreditEntryDetail(await deps.credit.get(id(res), user(res))));
  });
  router.post(
    '/:id/objection',
    deps.auth,
    validate({ params: creditIdParamsSchema, body: creditObjectionSchema }),
    async (_req, res) => {
      const { reason } = res.locals.body as { reason: string };
      res.json(presentCreditEntryDetail(await deps.credit.object(id(res), user(res), reason)));
    },
  );
  router.post(
    '/:id/decision',
    deps.auth,
    validate({ params: creditIdParamsSchema, body: creditDecisionSchema }),
    async (_req, res) => {
      const input = res.locals.body as CreditDecisionInput;
      res.json(presentCreditEntryDetail(await deps.credit.decide(id(res), user(res), input)));
    },
  );
  return router;
}
