import type { Actor } from '../../shared/machine/caseEvents.js';
import type { SessionUserView } from '../../shared/api/sessionView.js';

/** The signed-in user of a request or socket (the view `GET /api/auth/me` returns). */
export type AuthUser = SessionUserView;

/**
 * Finds the active user with this id (with their organisation's type); undefined otherwise, and when
 * `sessionVersion` (a token's) is not the account's current one. Built by the users feature.
 */
export type LoadAuthUser = (userId: string, sessionVersion?: number) => Promise<AuthUser | undefined>;

/** The case-machine actor for a user. */
export function actorOf(user: AuthUser): Actor {
  return { id: user.id, role: user.role, orgId: user.orgId, orgType: user.orgType };
}
