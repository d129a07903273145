import type { RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import { unauthorized } from '../http/httpErrors.js';
import { loadAuthUser } from './loadAuthUser.js';
import { InvalidTokenError, type TokenService } from './tokenService.js';

/**
 * Authenticates a request by its `Authorization: Bearer <token>` header: a valid, unexpired token of
 * an active account puts the user in `res.locals.user`; anything else is 401 problem+json.
 */
export function requireAuth(db: Connection, tokens: TokenService): RequestHandler {
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
    const user = await loadAuthUser(db, claims.sub);
    if (!user) throw unauthorized('This account no longer exists or is disabled.', 'sessionEnded');
    res.locals.user = user;
    next();
  };
}
