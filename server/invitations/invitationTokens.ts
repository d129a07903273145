import { createHash, randomBytes } from 'node:crypto';

/** The shape of an invitation token in a link (43 base64url characters: 256 random bits). */
export const INVITATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The SHA-256 (hex) of a token: what the database keeps instead of the token. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random token and its hash. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

/** A new invitation id. */
export function newInvitationId(): string {
  return `inv_${randomBytes(12).toString('hex')}`;
}
