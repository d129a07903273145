import { Router, type RequestHandler } from 'express';
import { staffInvitationAcceptSchema, staffInvitationCheckSchema } from '../../shared/schemas/accounts.js';
import type { TokenService } from '../auth/tokenService.js';
import { requireStrongPassword } from '../auth/requireStrongPassword.js';
import type { AddressThrottle } from '../http/addressThrottle.js';
import { clientAddressKey } from '../http/clientAddressKey.js';
import { validate } from '../http/validate.js';
import type { StaffInvitations } from './staffInvitations.js';
import { presentUser } from './userPresenter.js';

/**
 * `/api/staff-invitations` (no sign-in): whom a staff invitation's link invites (`check`), and choosing
 * the password with it (`accept`: once, before it expires), which signs the new staff member in.
 * Lookups are limited per client address.
 */
export function staffInvitationRoutes(deps: {
  invitations: StaffInvitations;
  tokens: TokenService;
  throttle: AddressThrottle;
  passwordMinLength: number;
}): Router {
  const router = Router();
  const throttled: RequestHandler = async (req, _res, next) => {
    await deps.throttle.take(clientAddressKey(req));
    next();
  };

  router.post('/check', validate({ body: staffInvitationCheckSchema }), throttled, async (_req, res) => {
    const { token } = res.locals.body as { token: string };
    res.json(await deps.invitations.check(token));
  });

  router.post(
    '/accept',
    validate({ body: staffInvitationAcceptSchema }),
    throttled,
    requireStrongPassword(deps.passwordMinLength),
    async (_req, res) => {
      const { token, password } = res.locals.body as { token: string; password: string };
      const user = await deps.invitations.accept(token, password);
      const session = await deps.tokens.issue(user._id, user.role, user.sessionVersion ?? 0);
      res.json({ token: session.token, expiresAt: session.expiresAt.toISOString(), user: presentUser(user) });
    },
  );
  return router;
}
