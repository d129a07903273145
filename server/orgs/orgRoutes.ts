import { Router, type RequestHandler } from 'express';
import {
  createOrgSchema,
  listOrgsQuerySchema,
  orgIdParamsSchema,
  updateOrgSchema,
} from '../../shared/schemas/accounts.js';
import type { OrgType } from '../../shared/vocabulary.js';
import type { AuthUser } from '../auth/authUser.js';
import { forbidden } from '../http/httpErrors.js';
import { validate } from '../http/validate.js';
import { presentOrg } from './orgPresenter.js';
import type { NewOrg, OrgChanges, OrgService } from './orgService.js';

/**
 * `GET /api/orgs` (staff: the organisations of a type, or the others of the same type as one; with
 * neither, an admin every organisation and an officer their own), `POST /api/orgs` and
 * `PATCH /api/orgs/:id` (the platform supervisor creates, edits, deactivates; audited).
 */
export function orgRoutes(deps: { orgs: OrgService; auth: RequestHandler }): Router {
  const router = Router();
  const adminOnly: RequestHandler = (_req, res, next) => {
    if ((res.locals.user as AuthUser).role !== 'admin')
      throw forbidden('Only the platform supervisor may create or change organisations.', 'adminOnly');
    next();
  };

  router.get('/', deps.auth, validate({ query: listOrgsQuerySchema }), async (_req, res) => {
    const user = res.locals.user as AuthUser;
    if (user.role !== 'admin' && user.role !== 'officer')
      throw forbidden('Only staff may list organisations.', 'staffOnly');
    const query = res.locals.query as { type?: OrgType; sameTypeAs?: string };
    let items;
    if (query.type) items = await deps.orgs.list({ type: query.type });
    else if (query.sameTypeAs) items = await deps.orgs.list({ sameTypeAs: query.sameTypeAs });
    else if (user.role === 'admin') items = await deps.orgs.listAll();
    else items = user.orgId ? [await deps.orgs.get(user.orgId)] : [];
    res.json({ items: items.map(presentOrg) });
  });

  router.post('/', deps.auth, validate({ body: createOrgSchema }), adminOnly, async (_req, res) => {
    const created = await deps.orgs.create(res.locals.body as NewOrg, res.locals.user as AuthUser);
    res.status(201).json(presentOrg(created));
  });

  router.patch(
    '/:id',
    deps.auth,
    validate({ params: orgIdParamsSchema, body: updateOrgSchema }),
    adminOnly,
    async (_req, res) => {
      const { id } = res.locals.params as { id: string };
      const updated = await deps.orgs.update(id, res.locals.body as OrgChanges, res.locals.user as AuthUser);
      res.json(presentOrg(updated));
    },
  );
  return router;
}
