import type { UserDoc } from './userModel.js';

/** A user as the directory and sign-in show it (never the password hash). */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: string;
  orgId: string | null;
  expertise: string[];
}

/** A user as their administrators see it: the directory's fields and what they administer. */
export interface AccountView extends UserView {
  languages: string[];
  capacity: number;
  lead: boolean;
  active: boolean;
  /** Invited by e-mail and not yet signed in (no password chosen yet). */
  invited: boolean;
}

/** Presents a user for the directory and sign-in. */
export function presentUser(
  user: Pick<UserDoc, '_id' | 'email' | 'name' | 'role' | 'orgId' | 'expertise'>,
): UserView {
  return {
    id: user._id,
    email: user.email,
    name: user.name,
    role: user.role,
    orgId: user.orgId,
    expertise: user.expertise ?? [],
  };
}

/** Presents an account for its administrators (the platform supervisor, its organisation's lead). */
export function presentAccount(
  user: Pick<UserDoc, '_id' | 'email' | 'name' | 'role' | 'orgId' | 'expertise'> &
    Partial<Pick<UserDoc, 'languages' | 'capacity' | 'lead' | 'active' | 'invitedAt'>>,
): AccountView {
  return {
    ...presentUser(user),
    languages: user.languages ?? [],
    capacity: user.capacity ?? 10,
    lead: user.lead ?? false,
    active: user.active ?? true,
    invited: Boolean(user.invitedAt),
  };
}
