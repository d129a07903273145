import { useSession } from '../auth/useSession.js';
import { ComplaintWizard } from './ComplaintWizard.js';

/** `/cases/new`: the complaint form of the signed-in rights holder (keyed by user, so drafts never mix). */
export function NewComplaintPage() {
  const session = useSession();
  if (!session) return null;
  return <ComplaintWizard key={session.user.id} user={session.user} />;
}
