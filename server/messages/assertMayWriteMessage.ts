import type { MessageVisibility } from '../../shared/vocabulary.js';
import type { AuthUser } from '../auth/authUser.js';
import { canWriteMessage } from '../cases/casePolicy.js';
import type { CaseDoc } from '../cases/caseModel.js';
import { DomainError } from '../errors/domainError.js';

/**
 * Whether a user who sees a case may write (or be seen typing) a message with a visibility: 409 when
 * the case is closed or a caucus has no mediator yet, 403 for a caucus the user is not part of.
 */
export function assertMayWriteMessage(
  user: AuthUser,
  doc: Pick<CaseDoc, 'status' | 'complainantId' | 'respondentId' | 'mediatorId'>,
  visibility: MessageVisibility,
): void {
  if (doc.status === 'closed') {
    throw new DomainError('conflict', 'This case is closed: no more messages can be posted.', {
      code: 'caseClosed',
    });
  }
  if (!canWriteMessage(user, doc, visibility)) {
    throw new DomainError(
      'forbidden',
      `Only the mediator and the party of a ${visibility} may write in it.`,
      {
        code: 'caucusNotYours',
      },
    );
  }
  if (visibility !== 'joint' && !doc.mediatorId) {
    throw new DomainError('conflict', 'A caucus opens once a mediator is assigned to the case.', {
      code: 'noMediator',
    });
  }
}
