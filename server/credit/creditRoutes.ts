import { Router, type RequestHandler } from 'express';
import { validate } from '../http/validate.js';
import { presentCreditEntry } from './creditPresenter.js';
import { creditQuerySchema, type CreditQuery } from './creditQuery.js';
import type { CreditService } from './creditService.js';

/** `GET /api/credit?name=`: the public credit register, open to every signed-in role. */
export function creditRoutes(deps: { credit: CreditService; auth: RequestHandler }): Router {
  const router = Router();
  router.get('/', deps.auth, validate({ query: creditQuerySchema }), async (_req, res) => {
    const { name } = res.locals.query as CreditQuery;
    const entries = await deps.credit.search(name);
    res.json({ items: entries.map(presentCreditEntry) });
  });
  return router;
}
