import type { RequestHandler } from 'express';
import { unauthorized } from '../http/httpErrors.js';
import type { LoadAuthUser } from './authUser.js';
import { InvalidTokenError, type TokenService } from './tokenService.js';

/**
 * Authenticates a request by its `Authorization: Bearer <token>` header: a valid, unexpired token of
 * an active account, of the account's current session version (sign out everywhere raises it), puts
 * the user in `res.locals.user` (and the token's claims in `res.locals.claims`); anything else is 401
 * problem+json.
 */
export function requireAuth(loadAuthUser: LoadAuthUser, tokens: TokenService): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]{10,4096})$/i.exec(header) : null;
    if (!match?.[1]) throw unauthorized('Sign in to continue: the request has no bearer token.');
    let claims;
    try {
      claims = await tokens.check(match[1]);
    } catch (err) {
      if (err instanceof InvalidTokenError) throw unauthorized(err.message, 'sessionEnded');
      throw err;
    }
    const user = await loadAuthUser(claims.sub, claims.sv);
    if (!user)
      throw unauthorized(
        'This session was ended, or the account no longer exists or is disabled.',
        'sessionEnded',
      );
    res.locals.user = user;
    res.locals.claims = claims;
    next();
  };
}
