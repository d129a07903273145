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
