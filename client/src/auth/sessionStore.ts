/**
 * The signed-in session (token, expiry, user), kept in localStorage so it survives reloads and is
 * shared by the tabs of one browser. A tiny external store for `useSyncExternalStore`.
 */
import type { SessionUserView } from '../../../shared/api/sessionView.js';

/** The signed-in user, as `GET /api/auth/me` returns it (`lead` is absent in sessions stored before it existed). */
export type SessionUser = Omit<SessionUserView, 'lead'> & Partial<Pick<SessionUserView, 'lead'>>;

/** A session. */
export interface Session {
  token: string;
  expiresAt: string | null;
  /** When this token was obtained (its renewal is due halfway to `expiresAt`). */
  issuedAt?: string;
  user: SessionUser;
}

/** Why the last session ended (shown on the sign-in page). */
export type EndReason = 'signedOut' | 'expired' | null;

const KEY = 'sevenfold.session';

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Session;
    if (!parsed.token || !parsed.user?.id) return null;
    if (parsed.expiresAt && Date.parse(parsed.expiresAt) <= Date.now()) return null;
    return parsed;
  } catch {
    return null;
  }
}

let current: Session | null = read();
let endReason: EndReason = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

/** The session store. */
export const sessionStore = {
  get: (): Session | null => current,
  token: (): string | null => current?.token ?? null,
  endReason: (): EndReason => endReason,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  set(session: Session): void {
    current = session;
    endReason = null;
    localStorage.setItem(KEY, JSON.stringify(session));
    emit();
  },
  /** Replaces the token of the current session (a renewal, a password change), keeping the user. */
  renew(token: string, expiresAt: string): void {
    if (!current) return;
    this.set({ ...current, token, expiresAt, issuedAt: new Date().toISOString() });
  },
  updateUser(user: SessionUser): void {
    if (!current) return;
    this.set({ ...current, user });
  },
  end(reason: Exclude<EndReason, null>): void {
    if (!current && endReason === reason) return;
    current = null;
    endReason = reason;
    localStorage.removeItem(KEY);
    emit();
  },
};

// Another tab signed in or out.
window.addEventListener('storage', (e) => {
  if (e.key !== KEY) return;
  current = read();
  emit();
});
