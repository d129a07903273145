import type { Actor } from '../../shared/case/caseEvents.js';
import type { OrgType, Role } from '../../shared/vocabulary.js';

/** The signed-in user of a request or socket. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  orgId: string | null;
  orgType: OrgType | null;
  /** The lead of their organisation (an officer who manages its staff). */
  lead: boolean;
}

/**
 * Finds the active user with this id (with their organisation's type); undefined otherwise, and when
 * `sessionVersion` (a token's) is not the account's current one. Built by the users feature.
 */
export type LoadAuthUser = (userId: string, sessionVersion?: number) => Promise<AuthUser | undefined>;

/** The case-machine actor for a user. */
export function actorOf(user: AuthUser): Actor {
  return { id: user.id, role: user.role, orgId: user.orgId, orgType: user.orgType };
}
