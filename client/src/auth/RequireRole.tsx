import type { ReactNode } from 'react';
import type { Role } from '../../../shared/vocabulary.js';
import { NotFoundPage } from '../app/NotFoundPage.js';
import type { SessionUser } from './sessionStore.js';
import { useSession } from './useSession.js';

/** Renders its children only for the given roles (and an optional extra check); a not-found page otherwise. */
export function RequireRole({
  roles,
  when,
  children,
}: {
  roles: readonly Role[];
  when?: (user: SessionUser) => boolean;
  children: ReactNode;
}) {
  const session = useSession();
  if (!session || !roles.includes(session.user.role) || (when && !when(session.user)))
    return <NotFoundPage />;
  return <>{children}</>;
}
