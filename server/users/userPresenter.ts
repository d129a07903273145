import type { UserDoc } from './userModel.js';

/** A user as the API shows it (never the password hash). */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: string;
  orgId: string | null;
  expertise: string[];
  languages: string[];
  capacity: number;
  lead: boolean;
  active: boolean;
}

/** Presents a user for the API. */
export function presentUser(
  user: Pick<UserDoc, '_id' | 'email' | 'name' | 'role' | 'orgId' | 'expertise'> &
    Partial<Pick<UserDoc, 'languages' | 'capacity' | 'lead' | 'active'>>,
): UserView {
  return {
    id: user._id,
    email: user.email,
    name: user.name,
    role: user.role,
    orgId: user.orgId,
    expertise: user.expertise ?? [],
    languages: user.languages ?? [],
    capacity: user.capacity ?? 10,
    lead: user.lead ?? false,
    active: user.active ?? true,
  };
}
