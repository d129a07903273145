import type { Connection } from 'mongoose';
import type { OrgType } from '../../shared/vocabulary.js';
import { orgCollectionName } from '../orgs/orgLookups.js';
import { userModel, type UserDoc } from './userModel.js';
import type { AuthUser } from '../auth/authUser.js';

/** The account fields a request is authenticated with (never the password hash). */
const AUTH_FIELDS = {
  email: 1,
  name: 1,
  role: 1,
  orgId: 1,
  lead: 1,
  active: 1,
  sessionVersion: 1,
} as const;

type AuthDoc = Pick<UserDoc, '_id' | keyof typeof AUTH_FIELDS> & { org: { type?: OrgType }[] };

/** An account as authentication reads it: the user its tokens act as, and what decides whether they still may. */
export interface AuthRow {
  readonly user: Readonly<AuthUser>;
  readonly active: boolean;
  readonly sessionVersion: number;
}

/** True for a user id worth a read (a string of at most 64 characters). */
export function isAuthUserId(userId: unknown): userId is string {
  return typeof userId === 'string' && userId.length <= 64;
}

/**
 * Reads the account with this id with its organisation's type joined to it (one round trip: the account
 * by its primary key, the organisation by its own); undefined when there is none.
 */
export async function readAuthRow(db: Connection, userId: string): Promise<AuthRow | undefined> {
  const [doc] = await userModel(db)
    .collection.aggregate<AuthDoc>([
      { $match: { _id: userId } },
      { $limit: 1 },
      { $project: AUTH_FIELDS },
      { $lookup: { from: orgCollectionName(db), localField: 'orgId', foreignField: '_id', as: 'org' } },
    ])
    .toArray();
  if (!doc) return undefined;
  return Object.freeze({
    active: doc.active === true,
    sessionVersion: doc.sessionVersion ?? 0,
    user: Object.freeze({
      id: doc._id,
      email: doc.email,
      name: doc.name,
      role: doc.role,
      orgId: doc.orgId ?? null,
      orgType: (doc.orgId ? doc.org[0]?.type : undefined) ?? null,
      lead: doc.role === 'officer' && doc.lead === true,
    }),
  });
}

/**
 * The user of an account row when a token of `sessionVersion` may still act as it: the account is
 * active and the version is its current one (ending its sessions raises it); undefined otherwise.
 */
export function authUserOf(row: AuthRow | undefined, sessionVersion?: number): AuthUser | undefined {
  if (!row?.active) return undefined;
  if (sessionVersion !== undefined && sessionVersion !== row.sessionVersion) return undefined;
  return row.user;
}

/**
 * The active user with this id, with their organisation's type; undefined otherwise, and when
 * `sessionVersion` (a token's) is not the account's current one (its sessions were ended). Read afresh:
 * one round trip (`readAuthRow`).
 */
export async function loadAuthUser(
  db: Connection,
  userId: string,
  sessionVersion?: number,
): Promise<AuthUser | undefined> {
  if (!isAuthUserId(userId)) return undefined;
  return authUserOf(await readAuthRow(db, userId), sessionVersion);
}
