import type { CaseView } from '../../../shared/api/views.js';
import type { MessageVisibility } from '../../../shared/vocabulary.js';

/**
 * The conversations a user can read on a case (the server's rule): everyone the joint one; the
 * mediator both caucuses; each party its own caucus once a mediator is assigned.
 */
export function messageTabsFor(
  userId: string,
  c: Pick<CaseView, 'mediatorId' | 'complainant' | 'respondent'>,
): MessageVisibility[] {
  if (c.mediatorId && userId === c.mediatorId) return ['joint', 'caucus:complainant', 'caucus:respondent'];
  if (!c.mediatorId) return ['joint'];
  if (userId === c.complainant.id) return ['joint', 'caucus:complainant'];
  if (c.respondent.id && userId === c.respondent.id) return ['joint', 'caucus:respondent'];
  return ['joint'];
}
