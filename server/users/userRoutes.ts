import { Router, type RequestHandler } from 'express';
import {
  createUserSchema,
  listUsersQuerySchema,
  updateUserSchema,
  userIdParamsSchema,
} from '../../shared/schemas/accounts.js';
import type { Role } from '../../shared/vocabulary.js';
import type { AuthUser } from '../auth/authUser.js';
import { requireStrongPassword } from '../auth/requireStrongPassword.js';
import { forbidden } from '../http/httpErrors.js';
import { validate } from '../http/validate.js';
import { presentUser } from './userPresenter.js';
import type { NewUser, UserService } from './userService.js';

/** Roles an officer may list (to assign a mediator, arbitrator or investigator). */
const LISTABLE_BY_OFFICERS: readonly Role[] = ['mediator', 'arbitrator', 'investigator'];

/**
 * `POST /api/users` (admin creates any account), `GET /api/users` (staff directory) and
 * `PATCH /api/users/:id` (admin enables or disables an account; a disabled account's sessions end).
 */
export function userRoutes(deps: {
  users: UserService;
  auth: RequestHandler;
  passwordMinLength: number;
}): Router {
  const router = Router();

  const adminOnly: RequestHandler = (_req, res, next) => {
    if ((res.locals.user as AuthUser).role !== 'admin')
      throw forbidden('Only an admin may create accounts.', 'adminOnly');
    next();
  };

  router.post(
    '/',
    deps.auth,
    validate({ body: createUserSchema }),
    adminOnly,
    requireStrongPassword(deps.passwordMinLength),
    async (_req, res) => {
      const created = await deps.users.create(res.locals.body as NewUser);
      res.status(201).json(presentUser(created));
    },
  );

  router.get('/', deps.auth, validate({ query: listUsersQuerySchema }), async (_req, res) => {
    const user = res.locals.user as AuthUser;
    const query = res.locals.query as { role?: Role; orgId?: string };
    if (user.role !== 'admin') {
      if (user.role !== 'officer' || !query.role || !LISTABLE_BY_OFFICERS.includes(query.role)) {
        throw forbidden(
          'Only staff may list accounts, and officers only mediators, arbitrators and investigators.',
          'staffOnly',
        );
      }
    }
    const items = await deps.users.list(query);
    res.json({ items: items.map(presentUser) });
  });

  router.patch(
    '/:id',
    deps.auth,
    validate({ params: userIdParamsSchema, body: updateUserSchema }),
    async (_req, res) => {
      const user = res.locals.user as AuthUser;
      if (user.role !== 'admin')
        throw forbidden('Only an admin may enable or disable accounts.', 'adminOnly');
      const { id } = res.locals.params as { id: string };
      const { active } = res.locals.body as { active: boolean };
      if (id === user.id && !active)
        throw forbidden('An admin may not disable their own account.', 'selfDisable');
      res.json(presentUser(await deps.users.setActive(id, active)));
    },
  );

  return router;
}
