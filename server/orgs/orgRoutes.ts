import { Router, type RequestHandler } from 'express';
import { listOrgsQuerySchema } from '../../shared/schemas/accounts.js';
import type { OrgType } from '../../shared/vocabulary.js';
import type { AuthUser } from '../auth/authUser.js';
import { forbidden } from '../http/httpErrors.js';
import { validate } from '../http/validate.js';
import type { OrgService } from './orgService.js';

/** `GET /api/orgs?type=`: the organisations, for staff (a hand-over to another of the same type). */
export function orgRoutes(deps: { orgs: OrgService; auth: RequestHandler }): Router {
  const router = Router();
  router.get('/', deps.auth, validate({ query: listOrgsQuerySchema }), async (_req, res) => {
    const user = res.locals.user as AuthUser;
    if (user.role !== 'admin' && user.role !== 'officer')
      throw forbidden('Only staff may list organisations.');
    const query = res.locals.query as { type: OrgType } | { sameTypeAs: string };
    const items = await deps.orgs.list(query);
    res.json({
      items: items.map((o) => ({
        id: o._id,
        name: o.name,
        nameZh: o.nameZh,
        type: o.type,
        region: o.region,
      })),
    });
  });
  return router;
}
