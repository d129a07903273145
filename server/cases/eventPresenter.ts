import type { CaseEventView } from '../../shared/api/views.js';
import type { MessageVisibility } from '../../shared/vocabulary.js';
import type { AuthUser } from '../auth/authUser.js';
import { canReadMessage } from './casePolicy.js';
import type { CaseEventDoc } from './caseEventModel.js';
import type { CaseDoc } from './caseModel.js';

/**
 * Whether the caller may see an event: caucus entries only reach their party and the mediator;
 * `staff` entries (personal data such as a respondent's address change) only admins and officers.
 */
export function canSeeEvent(
  user: AuthUser,
  caseDoc: Pick<CaseDoc, 'complainantId' | 'respondentId' | 'mediatorId'>,
  ev: Pick<CaseEventDoc, 'data'>,
): boolean {
  const visibility = ev.data.visibility as MessageVisibility | 'staff' | undefined;
  if (visibility === 'staff') return user.role === 'admin' || user.role === 'officer';
  return !visibility || canReadMessage(user, caseDoc, visibility);
}

/** A stored event as the API shows it. */
export function presentEvent(ev: CaseEventDoc): CaseEventView {
  return {
    seq: ev.seq,
    type: ev.type,
    kind: ev.kind,
    at: new Date(ev.at).toISOString(),
    actor: { id: ev.actor.id, role: ev.actor.role },
    data: ev.kind === 'created' ? {} : ev.data,
    status: ev.status,
    stage: ev.stage,
    hash: ev.hash,
    prevHash: ev.prevHash,
  };
}
