import { STAFF_ROLES } from '../../shared/admin/staffRoles.js';
import type { Role } from '../../shared/vocabulary.js';
import type { AuthUser } from '../auth/authUser.js';
import type { UserChanges } from './userChanges.js';
import type { UserDoc } from './userModel.js';

/**
 * Who administers accounts, in one place. The platform supervisor (`admin`) administers every
 * account; an organisation's lead (an officer with `lead`) the staff of their own organisation
 * (officers, mediators, arbitrators, investigators), never its lead flag nor a move to another
 * organisation; nobody else any.
 */
export function isAccountAdmin(user: AuthUser): boolean {
  return user.role === 'admin' || (user.role === 'officer' && user.lead && Boolean(user.orgId));
}

/** Whether `user` administers the account `target` (a lead: staff of their organisation only). */
export function mayManageAccount(user: AuthUser, target: Pick<UserDoc, 'role' | 'orgId'>): boolean {
  if (user.role === 'admin') return true;
  if (!isAccountAdmin(user)) return false;
  return target.orgId === user.orgId && (STAFF_ROLES as readonly Role[]).includes(target.role);
}

/** Why `user` may not make this new account (undefined: they may). */
export function refuseNewAccount(
  user: AuthUser,
  role: Role,
  orgId: string | null,
  lead: boolean,
): string | undefined {
  if (user.role === 'admin') return undefined;
  if (!isAccountAdmin(user))
    return 'Only the platform supervisor and an organisation’s lead may create accounts.';
  if (!(STAFF_ROLES as readonly Role[]).includes(role))
    return 'An organisation’s lead creates staff of their organisation only.';
  if (orgId !== user.orgId) return 'An organisation’s lead creates staff of their own organisation only.';
  if (lead) return 'Only the platform supervisor names an organisation’s lead.';
  return undefined;
}

/** Why `user` may not make these changes to an account they manage (undefined: they may). */
export function refuseChanges(user: AuthUser, targetId: string, changes: UserChanges): string | undefined {
  if (targetId === user.id) {
    if (changes.active === false) return 'You may not disable your own account.';
    if (changes.role !== undefined && changes.role !== user.role) return 'You may not change your own role.';
    if (changes.lead === false || changes.orgId !== undefined)
      return 'You may not change your own organisation or lead.';
  }
  if (user.role === 'admin') return undefined;
  if (changes.lead !== undefined) return 'Only the platform supervisor names an organisation’s lead.';
  if (changes.orgId !== undefined && changes.orgId !== user.orgId)
    return 'An organisation’s lead may not move staff to another organisation.';
  if (changes.role !== undefined && !(STAFF_ROLES as readonly Role[]).includes(changes.role))
    return 'An organisation’s lead gives staff roles only.';
  return undefined;
}
