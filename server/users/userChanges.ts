import type { UserDoc } from './userModel.js';

/** The fields of an account an administrator may change. */
export interface UserChanges {
  active?: boolean;
  name?: string;
  role?: UserDoc['role'];
  orgId?: string | null;
  expertise?: UserDoc['expertise'];
  languages?: UserDoc['languages'];
  capacity?: number;
  lead?: boolean;
}

/** The audited fields of an account (never its password hash). */
export const AUDITED_USER_FIELDS = [
  'email',
  'name',
  'role',
  'orgId',
  'expertise',
  'languages',
  'capacity',
  'lead',
  'active',
] as const;
