import { jwtVerify, SignJWT, errors } from 'jose';

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

/** Builds the token service over a secret and a lifetime in seconds. */
export function createTokenService(
  secret: string,
  ttlSeconds: number,
  now: () => Date = () => new Date(),
): TokenService {
  const key = new TextEncoder().encode(secret);
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
        return { sub: payload.sub, role: payload.role, exp: payload.exp, sv };
      } catch (err) {
        if (err instanceof InvalidTokenError) throw err;
        if (err instanceof errors.JWTExpired) throw new InvalidTokenError('The session has expired.');
        throw new InvalidTokenError('The token is not valid.');
      }
    },
  };
}
