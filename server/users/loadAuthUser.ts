import { orgById } from '../orgs/orgLookups.js';
import type { Connection } from 'mongoose';
import { userModel } from './userModel.js';
import type { AuthUser, LoadAuthUser } from '../auth/authUser.js';

/** Binds `loadAuthUser` to a connection: what authentication (HTTP and sockets) is given. */
export function authUserLoader(db: Connection): LoadAuthUser {
  return (userId, sessionVersion) => loadAuthUser(db, userId, sessionVersion);
}

/**
 * The active user with this id, with their organisation's type; undefined otherwise, and when
 * `sessionVersion` (a token's) is not the account's current one (its sessions were ended).
 */
export async function loadAuthUser(
  db: Connection,
  userId: string,
  sessionVersion?: number,
): Promise<AuthUser | undefined> {
  if (typeof userId !== 'string' || userId.length > 64) return undefined;
  // by id alone (the embedded engine's primary key), then the active check
  const user = await userModel(db).findById(userId).lean();
  if (!user?.active) return undefined;
  if (sessionVersion !== undefined && sessionVersion !== (user.sessionVersion ?? 0)) return undefined;
  const org = user.orgId ? await orgById(db, user.orgId, { type: 1 }) : null;
  return {
    id: user._id,
    email: user.email,
    name: user.name,
    role: user.role,
    orgId: user.orgId,
    orgType: org?.type ?? null,
    lead: user.role === 'officer' && user.lead === true,
  };
}
