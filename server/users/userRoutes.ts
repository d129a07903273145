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
import { forbidden, notFound } from '../http/httpErrors.js';
import { validate } from '../http/validate.js';
import { isAccountAdmin, mayManageAccount, refuseChanges, refuseNewAccount } from './staffPolicy.js';
import type { StaffInvitations } from './staffInvitations.js';
import type { UserChanges } from './userChanges.js';
import { presentAccount, presentUser } from './userPresenter.js';
import type { NewUser, UserListFilter, UserService } from './userService.js';

/** Roles an officer may list (to assign a mediator, arbitrator or investigator). */
const LISTABLE_BY_OFFICERS: readonly Role[] = ['mediator', 'arbitrator', 'investigator'];

/**
 * `POST /api/users` (the platform supervisor creates any account, an organisation's lead its staff),
 * `GET /api/users` (staff directory; the staff screen) and `PATCH /api/users/:id` (changes of an
 * account: enable, disable, role, expertise, languages, capacity, organisation, lead). Every change
 * is audited (`server/audit/`); a disabled or moved account's sessions end.
 */
export function userRoutes(deps: {
  users: UserService;
  invitations: StaffInvitations;
  auth: RequestHandler;
  passwordMinLength: number;
}): Router {
  const router = Router();
  const userOf = (res: { locals: Record<string, unknown> }) => res.locals.user as AuthUser;
  const strongPassword = requireStrongPassword(deps.passwordMinLength);

  router.post(
    '/',
    deps.auth,
    validate({ body: createUserSchema }),
    (_req, res, next) => {
      const user = userOf(res);
      const body = res.locals.body as NewUser;
      // a lead's new staff belong to the lead's organisation unless another is named (refused below)
      if (user.role === 'officer' && body.orgId === null) body.orgId = user.orgId;
      const refusal = refuseNewAccount(user, body.role, body.orgId, body.lead ?? false);
      if (refusal) throw forbidden(refusal);
      next();
    },
    // an invited account has no password yet: it chooses one through the mailed link
    (req, res, next) =>
      (res.locals.body as { invite?: true }).invite ? next() : strongPassword(req, res, next),
    async (_req, res) => {
      const by = userOf(res);
      const { invite, ...input } = res.locals.body as NewUser & { invite?: true };
      // the account, its audit entry, and with an invitation its link, mail and audit entry: one transaction
      const created = await deps.users.create(
        input,
        by,
        invite ? (session, doc) => deps.invitations.issue(session, doc, by) : undefined,
      );
      res.status(201).json(presentAccount(created));
    },
  );

  // a new invitation mail for an account that has not chosen its password yet; earlier links stop working
  router.post('/:id/invitation', deps.auth, validate({ params: userIdParamsSchema }), async (_req, res) => {
    const user = userOf(res);
    if (!isAccountAdmin(user))
      throw forbidden(
        'Only the platform supervisor and an organisation’s lead may invite staff.',
        'adminOnly',
      );
    const { id } = res.locals.params as { id: string };
    const target = await deps.users.get(id);
    if (!mayManageAccount(user, target)) throw notFound('No such account.', 'accountNotFound');
    res.json(presentAccount(await deps.invitations.resend(id, user)));
  });

  router.get('/', deps.auth, validate({ query: listUsersQuerySchema }), async (_req, res) => {
    const user = userOf(res);
    const query = res.locals.query as UserListFilter;
    const ownStaff =
      user.role === 'officer' && user.lead && query.orgId !== undefined && query.orgId === user.orgId;
    const directory =
      user.role === 'officer' &&
      !query.includeInactive &&
      query.role &&
      LISTABLE_BY_OFFICERS.includes(query.role);
    if (user.role !== 'admin' && !ownStaff && !directory) {
      throw forbidden(
        'Only staff may list accounts: officers only mediators, arbitrators and investigators, an organisation’s lead its own staff.',
        'staffOnly',
      );
    }
    const items = await deps.users.list(query);
    // an organisation's staff, for its administrators, with what they administer; else the directory
    const present =
      query.orgId !== undefined && (user.role === 'admin' || ownStaff) ? presentAccount : presentUser;
    res.json({ items: items.map(present) });
  });

  router.patch(
    '/:id',
    deps.auth,
    validate({ params: userIdParamsSchema, body: updateUserSchema }),
    async (_req, res) => {
      const user = userOf(res);
      if (!isAccountAdmin(user))
        throw forbidden(
          'Only the platform supervisor and an organisation’s lead may change accounts.',
          'adminOnly',
        );
      const { id } = res.locals.params as { id: string };
      const changes = res.locals.body as UserChanges;
      const target = await deps.users.get(id);
      // a lead does not learn of accounts outside their organisation
      if (!mayManageAccount(user, target)) throw notFound('No such account.', 'accountNotFound');
      const refusal = refuseChanges(user, id, changes);
      if (refusal) throw forbidden(refusal);
      res.json(presentAccount(await deps.users.update(id, changes, user)));
    },
  );

  return router;
}
