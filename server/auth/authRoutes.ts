import { Router, type RequestHandler } from 'express';
import { loginSchema, registerSchema } from '../../shared/schemas/accounts.js';
import { unauthorized } from '../http/httpErrors.js';
import { validate } from '../http/validate.js';
import { presentUser } from '../users/userPresenter.js';
import type { UserService } from '../users/userService.js';
import type { AuthUser } from './authUser.js';
import { clientAddressKey } from '../http/clientAddressKey.js';
import type { LoginThrottle } from './loginThrottle.js';
import type { TokenService } from './tokenService.js';

/** `POST /api/auth/login`, `POST /api/auth/register` (rights holders) and `GET /api/auth/me`. */
export function authRoutes(deps: {
  users: UserService;
  tokens: TokenService;
  auth: RequestHandler;
  loginThrottle: LoginThrottle;
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
      if (!user) throw unauthorized('The e-mail or password is not right.');
      const { token, expiresAt } = await deps.tokens.issue(user._id, user.role);
      res.json({ token, expiresAt: expiresAt.toISOString(), user: presentUser(user) });
    },
  );

  router.post('/register', validate({ body: registerSchema }), async (_req, res) => {
    const { email, password, name } = res.locals.body as { email: string; password: string; name: string };
    const user = await deps.users.create({ email, password, name, role: 'complainant', orgId: null });
    const { token, expiresAt } = await deps.tokens.issue(user._id, user.role);
    res.status(201).json({ token, expiresAt: expiresAt.toISOString(), user: presentUser(user) });
  });

  router.get('/me', deps.auth, (_req, res) => {
    const user = res.locals.user as AuthUser;
    res.json({ user });
  });

  return router;
}
