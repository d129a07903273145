import type { Connection } from 'mongoose';
import type { CaseContext } from '../../shared/machine/caseContext.js';
import { serviceAt } from '../../shared/machine/respondents.js';
import type { FollowUp } from '../cases/caseEffects.js';
import type { CaseDoc } from '../cases/caseModel.js';
import type { InvitationIssuer } from './createInvitationIssuer.js';
import { INVITATION_SENT } from './invitationEvents.js';
import { invitationModel } from './invitationModel.js';
import { namedRespondents, slotOf } from './respondentSlot.js';

/**
 * A respondent's first invitation, as a follow-up: when a case is in a channel (the respondents are
 * parties to every procedure and must be served) and not decided, each respondent the complaint gives
 * an e-mail for and who is not yet served gets a link unless one was issued already (on an earlier
 * routing, or by staff) — one follow-up per respondent, the first still uninvited. Idempotent: a
 * repair after a crash finds the invitation its commit stored.
 */
export async function invitationFollowUp(
  db: Connection,
  issuer: InvitationIssuer,
  caseDoc: CaseDoc,
): Promise<FollowUp | undefined> {
  const context = (caseDoc.snapshot as { context: CaseContext }).context;
  if (!caseDoc.channel || caseDoc.status === 'closed' || context.outcome) return undefined;
  const named = namedRespondents(caseDoc);
  if (!named.some((r) => r.email)) return undefined;
  const existing = await invitationModel(db)
    .find({ caseId: caseDoc._id }, { respondent: 1 })
    .limit(1000)
    .lean();
  const invited = new Set(existing.map(slotOf));
  const respondent = named.findIndex(
    (r, slot) => Boolean(r.email) && !invited.has(slot) && !serviceAt(context, slot),
  );
  if (respondent < 0) return undefined;
  const email = named[respondent]!.email!.toLowerCase();
  const prepared = issuer.prepare();
  return {
    kind: 'record',
    type: INVITATION_SENT,
    data: { ...prepared, reason: 'routed', ...(respondent > 0 ? { respondent } : {}) },
    alsoWrite: (session) =>
      issuer.issue(session, {
        prepared,
        caseDoc,
        respondent,
        email,
        createdBy: 'system',
        voidReason: 'resent',
      }),
  };
}
