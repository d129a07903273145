import { Navigate } from 'react-router';
import { roleHome } from '../auth/roleHome.js';
import { useSession } from '../auth/useSession.js';

/** `/`: each role's own home. */
export function HomeRedirect() {
  const session = useSession();
  return <Navigate to={session ? roleHome(session.user) : '/sign-in'} replace />;
}
