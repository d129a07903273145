import { hash, verify } from '@node-rs/argon2';

/** Hashes a password with argon2id (OWASP parameters: 19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/** Checks a password against its argon2 hash; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing, verified against when an account does not exist, so timing does not tell. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$Hh+4DqmN+IfZwqmsQoZl+w$nHHLIUTj6lcKMe5BTQ52VwwUl6rrMeC7c0CxKyGg5cU';
