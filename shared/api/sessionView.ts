import type { OrgType, Role } from '../vocabulary.js';

/** The signed-in user (`GET /api/auth/me`), the same on the server (`AuthUser`) and in the client. */
export interface SessionUserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  orgId: string | null;
  orgType: OrgType | null;
  /** The lead of their organisation (an officer who manages its staff). */
  lead: boolean;
}

/** A token issued by sign-in, registration, refresh or an invitation link. */
export interface TokenView {
  token: string;
  /** When the token expires (ISO instant). */
  expiresAt: string;
}
