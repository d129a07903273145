import { createHash, randomBytes } from 'node:crypto';
import type { Collection } from 'mongodb';

/** The SHA-256 of a link's token, as stored (the token itself is only in the mail). */
export const hashLinkToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A new link token (256 random bits, URL-safe) and the id it is stored under. */
export function newLinkToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: hashLinkToken(token) };
}

/** A stored single-use, expiring link, as it was before a claim. */
export interface ClaimedLink {
  userId: string;
  usedAt: Date | null;
  expiresAt: Date;
}

/**
 * Claims a link by its token in one atomic update by the primary key: it is marked used only when it
 * was unused and unexpired, and returned as it was, so a second use or an expired link is seen as
 * such (`usedAt` set, `expiresAt` past). Null when there is no such link.
 */
export async function claimLink(
  collection: Collection,
  token: string,
  at: Date,
): Promise<ClaimedLink | null> {
  const usable = { $and: [{ $eq: ['$usedAt', null] }, { $gt: ['$expiresAt', at] }] };
  const before = await collection.findOneAndUpdate(
    { _id: hashLinkToken(token) } as never,
    [{ $set: { usedAt: { $cond: [usable, at, '$usedAt'] } } }],
    { returnDocument: 'before' },
  );
  return before as ClaimedLink | null;
}
