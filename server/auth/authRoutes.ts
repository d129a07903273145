import { Router, type RequestHandler } from 'express';
import { loginSchema, registerSchema } from '../../shared/schemas/accounts.js';
import { unauthorized } from '../http/httpErrors.js';
import { validate } from '../http/validate.js';
import { presentUser } from '../users/userPresenter.js';
import type { UserService } from '../users/userService.js';
import type { AuthUser } from './authUser.js';
import { clientAddressKey } from '../http/clientAddressKey.js';
import type { LoginThrottle } from './loginThrottle.js';
import type { RegistrationThrottle } from './registrationThrottle.js';
import { requireStrongPassword } from './requireStrongPassword.js';
import type { TokenService } from './tokenService.js';

/** The answer to every well-formed registration (it must not tell whether the e-mail was free). */
const REGISTERED =
  'Unless this e-mail already has an account, the account was created: sign in with this e-mail and password.';

/** `POST /api/auth/login`, `POST /api/auth/register` (rights holders) and `GET /api/auth/me`. */
export function authRoutes(deps: {
  users: UserService;
  tokens: TokenService;
  auth: RequestHandler;
  loginThrottle: LoginThrottle;
  registrationThrottle: RegistrationThrottle;
  /** Shortest new password (`PASSWORD_MIN_LENGTH`). */
  passwordMinLength: number;
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
      const { token, expiresAt } = await deps.tokens.issue(user._id, user.role);
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

  return router;
}
