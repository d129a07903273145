import { orgById } from '../orgs/orgLookups.js';
import type { Connection } from 'mongoose';
import { handlerOrgType } from '../../shared/case/caseActors.js';
import type { CaseContext } from '../../shared/case/caseContext.js';
import type { CaseAction } from '../../shared/case/caseEvents.js';
import { DomainError } from '../errors/domainError.js';
import type { CaseDoc } from './caseModel.js';
import { orgStaffing } from './pickOrganisation.js';

/**
 * Refuses (422) a hand-over to an organisation that is not another staffed organisation of the type
 * holding the case now (the same channel, or protection centers for the fast track): the case would
 * otherwise land where nobody can see it.
 */
export async function checkHandOver(db: Connection, caseDoc: CaseDoc, action: CaseAction): Promise<void> {
  if (action.type !== 'HAND_OVER') return;
  const needed = handlerOrgType((caseDoc.snapshot as { context: CaseContext }).context);
  const refuse = (message: string) => {
    throw new DomainError('invalid', message, {
      code: 'handOverRefused',
      errors: [{ path: 'orgId', message }],
    });
  };
  if (action.orgId === caseDoc.orgId) refuse('The case is already held by this organisation.');
  const org = await orgById(db, action.orgId, { type: 1 });
  if (!org || org.type !== needed) refuse(`must be an organisation of type ${String(needed)}`);
  if ((await orgStaffing(db, action.orgId)).officers === 0) refuse('must be an organisation with officers');
}
