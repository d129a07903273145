import type { Connection } from 'mongoose';
import type { CaseContext } from '../../shared/machine/caseContext.js';
import type { FollowUp } from '../cases/caseEffects.js';
import type { CaseDoc } from '../cases/caseModel.js';
import type { InvitationIssuer } from './createInvitationIssuer.js';
import { INVITATION_SENT } from './invitationEvents.js';
import { invitationModel } from './invitationModel.js';

/**
 * The respondent's first invitation, as a follow-up: when a case is in a channel (the respondent is a
 * party to every procedure and must be served), not yet served nor decided, and its complaint gives
 * the respondent's e-mail, a link is issued unless one was already (on an earlier routing, or by
 * staff). Idempotent: a repair after a crash finds the invitation its commit stored.
 */
export async function invitationFollowUp(
  db: Connection,
  issuer: InvitationIssuer,
  caseDoc: CaseDoc,
): Promise<FollowUp | undefined> {
  const context = (caseDoc.snapshot as { context: CaseContext }).context;
  if (!caseDoc.channel || caseDoc.status === 'closed' || context.service || context.outcome) return undefined;
  const email = caseDoc.complaint.respondent.email?.toLowerCase();
  if (!email) return undefined;
  const existing = await invitationModel(db).findOne({ caseId: caseDoc._id }, { _id: 1 }).lean();
  if (existing) return undefined;
  const prepared = issuer.prepare();
  return {
    kind: 'record',
    type: INVITATION_SENT,
    data: { ...prepared, reason: 'routed' },
    alsoWrite: (session) =>
      issuer.issue(session, { prepared, caseDoc, email, createdBy: 'system', voidReason: 'resent' }),
  };
}
