import { Router, type RequestHandler } from 'express';
import {
  changePasswordSchema,
  loginSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  registerSchema,
} from '../../shared/schemas/accounts.js';
import { unauthorized } from '../http/httpErrors.js';
import { validate } from '../http/validate.js';
import { presentUser } from '../users/userPresenter.js';
import type { UserService } from '../users/userService.js';
import type { AuthUser } from '../auth/authUser.js';
import { clientAddressKey } from '../http/clientAddressKey.js';
import type { LoginThrottle } from './loginThrottle.js';
import type { PasswordResets } from './passwordResets.js';
import type { RegistrationThrottle } from './registrationThrottle.js';
import { requireStrongPassword } from '../auth/requireStrongPassword.js';
import type { TokenClaims, TokenService } from '../auth/tokenService.js';

/** The answer to every well-formed registration (it must not tell whether the e-mail was free). */
const REGISTERED =
  'Unless this e-mail already has an account, the account was created: sign in with this e-mail and password.';

/** The answer to every well-formed reset request (it must not tell whether the e-mail has an account). */
const RESET_REQUESTED =
  'If this e-mail has an account, a link to choose a new password is on its way. It works once and expires soon.';

/**
 * `/api/auth`: sign in, register (rights holders), the current user; refresh a session while in use,
 * sign out everywhere, change the password, reset it by e-mail.
 */
export function authRoutes(deps: {
  users: UserService;
  tokens: TokenService;
  auth: RequestHandler;
  loginThrottle: LoginThrottle;
  registrationThrottle: RegistrationThrottle;
  /** Shortest new password (`PASSWORD_MIN_LENGTH`). */
  passwordMinLength: number;
  passwordResets: PasswordResets;
}): Router {
  const router = Router();

  router.post(
    '/login',
    // validation first: a malformed body is answered 422 and never counts against an account
    validate({ body: loginSchema }),
    async (req, res) => {
      const { email, password } = res.locals.body as { email: string; password: string };
      const user = await deps.loginThrottle.attempt({ email, address: clientAddressKey(req) }, () =>
        deps.users.authenticate(email, password),
      );
      if (!user) throw unauthorized('The e-mail or password is not right.', 'badCredentials');
      const { token, expiresAt } = await deps.tokens.issue(user._id, user.role, user.sessionVersion ?? 0);
      res.json({ token, expiresAt: expiresAt.toISOString(), user: presentUser(user) });
    },
  );

  router.post(
    '/register',
    validate({ body: registerSchema }),
    // counted before the strength check, which costs CPU; the page checks strength before sending
    async (req, _res, next) => {
      await deps.registrationThrottle.take(clientAddressKey(req));
      next();
    },
    requireStrongPassword(deps.passwordMinLength),
    async (_req, res) => {
      const { email, password, name } = res.locals.body as { email: string; password: string; name: string };
      // the same answer, after the same work (the password is hashed either way), whether or not the
      // e-mail already has an account; the new account signs in as any other does
      await deps.users.register({ email, password, name });
      res.status(202).json({ detail: REGISTERED });
    },
  );

  router.get('/me', deps.auth, (_req, res) => {
    const user = res.locals.user as AuthUser;
    res.json({ user });
  });

  // a session in use is renewed before its token expires: a new token of the same session version
  router.post('/refresh', deps.auth, async (_req, res) => {
    const user = res.locals.user as AuthUser;
    const claims = res.locals.claims as TokenClaims;
    const { token, expiresAt } = await deps.tokens.issue(user.id, user.role, claims.sv);
    res.json({ token, expiresAt: expiresAt.toISOString() });
  });

  router.post('/sign-out-everywhere', deps.auth, async (_req, res) => {
    await deps.users.endSessions((res.locals.user as AuthUser).id, 'signedOutEverywhere');
    res.status(204).end();
  });

  router.post(
    '/password',
    deps.auth,
    validate({ body: changePasswordSchema }),
    (_req, res, next) => {
      // judged with the account's own e-mail and name, as at registration
      const user = res.locals.user as AuthUser;
      res.locals.body = { ...(res.locals.body as object), email: user.email, name: user.name };
      next();
    },
    requireStrongPassword(deps.passwordMinLength),
    async (_req, res) => {
      const user = res.locals.user as AuthUser;
      const { currentPassword, password } = res.locals.body as { currentPassword: string; password: string };
      const after = await deps.users.changePassword(user.id, currentPassword, password);
      // every session ended with the change; this one goes on with a new token
      const { token, expiresAt } = await deps.tokens.issue(after._id, after.role, after.sessionVersion ?? 0);
      res.json({ token, expiresAt: expiresAt.toISOString() });
    },
  );

  router.post('/password-reset', validate({ body: passwordResetRequestSchema }), async (req, res) => {
    const { email } = res.locals.body as { email: string };
    await deps.passwordResets.request(email, clientAddressKey(req));
    res.status(202).json({ detail: RESET_REQUESTED });
  });

  router.post(
    '/password-reset/confirm',
    validate({ body: passwordResetConfirmSchema }),
    requireStrongPassword(deps.passwordMinLength),
    async (_req, res) => {
      const { token, password } = res.locals.body as { token: string; password: string };
      await deps.passwordResets.confirm(token, password);
      res.status(204).end();
    },
  );

  return router;
}
