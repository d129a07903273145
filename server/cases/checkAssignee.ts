import { userById } from '../users/userLookups.js';
import type { Connection } from 'mongoose';
import type { CaseAction } from '../../shared/case/caseEvents.js';
import type { Role } from '../../shared/vocabulary.js';
import { DomainError } from '../errors/domainError.js';
import type { CaseDoc } from './caseModel.js';
import { mediatorConflictModel } from './mediatorConflictModel.js';

/** Actions that name a person who then joins the case, and the role that person must have. */
const ASSIGNEES: Partial<Record<CaseAction['type'], { field: string; role: Role }>> = {
  ASSIGN_MEDIATOR: { field: 'mediatorId', role: 'mediator' },
  APPOINT_ARBITRATOR: { field: 'arbitratorId', role: 'arbitrator' },
  ASSIGN_INVESTIGATOR: { field: 'investigatorId', role: 'investigator' },
  LINK_RESPONDENT: { field: 'respondentId', role: 'respondent' },
};

/**
 * Refuses (422) an action that names an assignee who is not an active account of the right role, or
 * who is a party of the case: naming someone gives them access to it (a "mediator" reads both caucuses);
 * and a mediator who declared a conflict of interest with a party of the case.
 */
export async function checkAssignee(db: Connection, caseDoc: CaseDoc, action: CaseAction): Promise<void> {
  const rule = ASSIGNEES[action.type];
  if (!rule) return;
  const id = (action as unknown as Record<string, unknown>)[rule.field];
  if (typeof id !== 'string') return;
  const found = await userById(db, id, { role: 1, active: 1 });
  const user = found?.active ? found : null;
  if (!user || user.role !== rule.role) {
    throw new DomainError('invalid', `${id} is not an active ${rule.role} account.`, {
      code: 'assigneeNotActive',
      errors: [{ path: rule.field, message: `must be an active ${rule.role}` }],
    });
  }
  if (rule.role !== 'respondent' && (id === caseDoc.complainantId || id === caseDoc.respondentId)) {
    throw new DomainError('invalid', `A party of the case cannot also be its ${rule.role}.`, {
      code: 'assigneeIsParty',
      errors: [{ path: rule.field, message: 'must not be a party of the case' }],
    });
  }
  if (action.type === 'ASSIGN_MEDIATOR' && (await hasPartyConflict(db, caseDoc, id))) {
    throw new DomainError('invalid', `${id} declared a conflict of interest with a party of this case.`, {
      code: 'assigneeConflicted',
      errors: [{ path: rule.field, message: 'must have no declared conflict with a party of the case' }],
    });
  }
}

/** Whether the mediator declared a conflict of interest with a party of this case (here or in another case). */
async function hasPartyConflict(db: Connection, caseDoc: CaseDoc, mediatorId: string): Promise<boolean> {
  const partyKeys = [caseDoc.complainantId, caseDoc.respondentKey, caseDoc.respondentId].filter(
    (k): k is string => Boolean(k),
  );
  const found = await mediatorConflictModel(db).exists({ mediatorId, partyKey: { $in: partyKeys } });
  return found !== null;
}
