import type { Connection } from 'mongoose';
import type { OrgType } from '../../shared/vocabulary.js';
import { orgCollectionName } from '../orgs/orgLookups.js';
import { userModel, type UserDoc } from './userModel.js';
import type { AuthUser, LoadAuthUser } from '../auth/authUser.js';

/** Binds `loadAuthUser` to a connection: what authentication (HTTP and sockets) is given. */
export function authUserLoader(db: Connection): LoadAuthUser {
  return (userId, sessionVersion) => loadAuthUser(db, userId, sessionVersion);
}

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

type AuthRow = Pick<UserDoc, '_id' | keyof typeof AUTH_FIELDS> & { org: { type?: OrgType }[] };

/**
 * The active user with this id, with their organisation's type; undefined otherwise, and when
 * `sessionVersion` (a token's) is not the account's current one (its sessions were ended). One round
 * trip: the account read by its id (the primary key) with its organisation joined to it, read afresh
 * on every request, so disabling an account or ending its sessions takes effect at once.
 */
export async function loadAuthUser(
  db: Connection,
  userId: string,
  sessionVersion?: number,
): Promise<AuthUser | undefined> {
  if (typeof userId !== 'string' || userId.length > 64) return undefined;
  const [user] = await userModel(db)
    .collection.aggregate<AuthRow>([
      { $match: { _id: userId } },
      { $limit: 1 },
      { $project: AUTH_FIELDS },
      { $lookup: { from: orgCollectionName(db), localField: 'orgId', foreignField: '_id', as: 'org' } },
    ])
    .toArray();
  if (!user?.active) return undefined;
  if (sessionVersion !== undefined && sessionVersion !== (user.sessionVersion ?? 0)) return undefined;
  return {
    id: user._id,
    email: user.email,
    name: user.name,
    role: user.role,
    orgId: user.orgId ?? null,
    orgType: (user.orgId ? user.org[0]?.type : undefined) ?? null,
    lead: user.role === 'officer' && user.lead === true,
  };
}
