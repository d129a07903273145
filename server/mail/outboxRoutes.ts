import { Router, type RequestHandler } from 'express';
import { outboxIdParamsSchema, outboxListQuerySchema } from '../../shared/schemas/outbox.js';
import type { AuthUser } from '../auth/authUser.js';
import { forbidden } from '../http/httpErrors.js';
import { validate } from '../http/validate.js';
import type { OutboxService } from './outboxService.js';

/** `/api/mail/outbox`: the platform administrator reads the outbox (a page; one mail). */
export function outboxRoutes(deps: { outbox: OutboxService; auth: RequestHandler }): Router {
  const router = Router();
  const adminOnly: RequestHandler = (_req, res, next) => {
    if ((res.locals.user as AuthUser).role !== 'admin')
      throw forbidden('Only an admin may read the outbox.', 'adminOnly');
    next();
  };

  router.get(
    '/outbox',
    deps.auth,
    adminOnly,
    validate({ query: outboxListQuerySchema }),
    async (_req, res) => {
      res.json(await deps.outbox.list(res.locals.query as { before?: Date; limit: number }));
    },
  );

  router.get(
    '/outbox/:id',
    deps.auth,
    adminOnly,
    validate({ params: outboxIdParamsSchema }),
    async (_req, res) => {
      const { id } = res.locals.params as { id: string };
      res.json(await deps.outbox.get(id));
    },
  );

  return router;
}
