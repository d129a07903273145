import type { AccountView, UserView } from '../../shared/api/userView.js';
import type { UserDoc } from './userModel.js';

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
