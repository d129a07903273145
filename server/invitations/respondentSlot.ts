import type { ComplaintRespondent } from '../../shared/schemas/complaint.js';
import type { CaseDoc } from '../cases/caseModel.js';
import type { InvitationDoc } from './invitationModel.js';

/** The respondent an invitation is for (0, the complaint's first, on invitations from before several). */
export function slotOf(inv: Pick<InvitationDoc, 'respondent'>): number {
  return inv.respondent ?? 0;
}

/** The respondents the complaint names, in slot order (`shared/machine/respondents.ts`). */
export function namedRespondents(doc: Pick<CaseDoc, 'complaint'>): ComplaintRespondent[] {
  return [doc.complaint.respondent, ...(doc.complaint.otherRespondents ?? [])];
}
