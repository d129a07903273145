import type { Connection } from 'mongoose';
import { orgModel } from '../orgs/orgModel.js';
import { userModel } from '../users/userModel.js';
import type { AuthUser } from './authUser.js';

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
  const org = user.orgId ? await orgModel(db).findById(user.orgId, { type: 1 }).lean() : null;
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
