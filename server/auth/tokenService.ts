import { jwtVerify, SignJWT, errors } from 'jose';
import { LRUCache } from 'lru-cache';

/** Claims of a Sevenfold access token. */
export interface TokenClaims {
  sub: string;
  role: string;
  /** When the token expires, in seconds since the epoch. */
  exp: number;
  /** The account's session version when the token was issued (0 for tokens from before versions). */
  sv: number;
}

/** Issues and checks short-lived HS256 access tokens. */
export interface TokenService {
  /** A token of the account's current session version (`sessionVersion`, 0 when it has none). */
  issue(userId: string, role: string, sessionVersion?: number): Promise<{ token: string; expiresAt: Date }>;
  /** The claims of a valid token; throws {@link InvalidTokenError} otherwise. */
  check(token: string): Promise<TokenClaims>;
}

/** A token that is malformed, forged, expired, or lacks `exp`, `iat` or `sub`. */
export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

const ISSUER = 'sevenfold';
const AUDIENCE = 'sevenfold-api';
/** How many verified tokens a process remembers (a few hundred bytes each). */
const VERIFIED_TOKENS = 10_000;

/**
 * Builds the token service over a secret and a lifetime in seconds. A token whose signature and
 * claims were verified is remembered (the exact string, at most {@link VERIFIED_TOKENS}), so the
 * requests of a session verify the HMAC once; a remembered token is still refused once expired. What
 * a token may do is decided on every request all the same: the account, its session version and its
 * role are read afresh (`loadAuthUser`).
 */
export function createTokenService(
  secret: string,
  ttlSeconds: number,
  now: () => Date = () => new Date(),
): TokenService {
  const key = new TextEncoder().encode(secret);
  const verified = new LRUCache<string, TokenClaims>({ max: VERIFIED_TOKENS });
  return {
    async issue(userId, role, sessionVersion = 0) {
      const iat = Math.floor(now().getTime() / 1000);
      const token = await new SignJWT({ role, sv: sessionVersion })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .sign(key);
      return { token, expiresAt: new Date((iat + ttlSeconds) * 1000) };
    },
    async check(token) {
      const known = verified.get(token);
      if (known) {
        if (known.exp * 1000 > now().getTime()) return known;
        verified.delete(token);
        throw new InvalidTokenError('The session has expired.');
      }
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
          // a token without exp would never expire, one without iat has no age: neither is ours
          requiredClaims: ['exp', 'iat', 'sub'],
          currentDate: now(),
        });
        if (
          typeof payload.sub !== 'string' ||
          typeof payload.role !== 'string' ||
          typeof payload.exp !== 'number'
        ) {
          throw new InvalidTokenError('token without subject');
        }
        const sv = typeof payload.sv === 'number' && Number.isInteger(payload.sv) ? payload.sv : 0;
        const claims = Object.freeze({ sub: payload.sub, role: payload.role, exp: payload.exp, sv });
        verified.set(token, claims);
        return claims;
      } catch (err) {
        if (err instanceof InvalidTokenError) throw err;
        if (err instanceof errors.JWTExpired) throw new InvalidTokenError('The session has expired.');
        throw new InvalidTokenError('The token is not valid.');
      }
    },
  };
}
