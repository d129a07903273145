import type { AuthUser } from '../auth/authUser.js';
import { DomainError } from '../errors/domainError.js';

/** Whose cases the figures cover: every case, or those an organisation holds. */
export type StatsScope = 'all' | { orgId: string };

/**
 * The scope of a user's statistics and its database filter: admins see every case, officers the
 * cases their organisation holds; anyone else (parties, mediators, …) is refused.
 */
export function statsScopeOf(user: AuthUser): { scope: StatsScope; filter: Record<string, unknown> } {
  if (user.role === 'admin') return { scope: 'all', filter: {} };
  if (user.role === 'officer' && user.orgId) {
    return { scope: { orgId: user.orgId }, filter: { orgId: user.orgId } };
  }
  throw new DomainError(
    'forbidden',
    user.role === 'officer'
      ? 'Statistics are per organisation, and your account belongs to none.'
      : 'Only admins and officers may see statistics.',
    { code: user.role === 'officer' ? 'statsNeedOrg' : 'staffOnly' },
  );
}
