import type { ClientSession } from 'mongodb';
import type { Connection } from 'mongoose';
import type { CaseDoc } from '../cases/caseModel.js';
import type { MailOutbox } from '../mail/createMailOutbox.js';
import { invitationModel, type InvitationDoc } from './invitationModel.js';
import { newInvitationId, newInvitationToken } from './invitationTokens.js';
import { namedRespondents, slotOf } from './respondentSlot.js';

/** What an issued invitation's `INVITATION_SENT` event records (no address: that is personal data). */
export interface IssuedInvitation {
  invitationId: string;
  expiresAt: string;
}

/** Issues invitation links: the stored invitation (hash only) and its mail, in the caller's transaction. */
export interface InvitationIssuer {
  /** A new id and expiry for an invitation about to be issued (so its event can name it). */
  prepare(): IssuedInvitation;
  /**
   * Voids the pending links of the same respondent of the case (`voidReason`), stores the prepared one
   * for `email` and queues its mail, all in `session`.
   */
  issue(
    session: ClientSession,
    args: {
      prepared: IssuedInvitation;
      caseDoc: Pick<CaseDoc, '_id' | 'caseNo' | 'title' | 'complaint' | 'respondentName'>;
      /** The respondent invited (`respondentSlot.ts`). */
      respondent: number;
      email: string;
      createdBy: string;
      voidReason: NonNullable<InvitationDoc['voidReason']>;
    },
  ): Promise<void>;
}

/** What the issuer needs. */
export interface InvitationIssuerDeps {
  db: Connection;
  outbox: MailOutbox;
  /** How long a link stays valid (`INVITATION_TTL_HOURS`). */
  ttlHours: number;
  now?: () => Date;
}

/** The mail's dedupe key of an invitation: one mail per link, however often its commit is retried. */
export function invitationMailKey(invitationId: string): string {
  return `invitation:${invitationId}`;
}

/** Builds the invitation issuer. */
export function createInvitationIssuer(deps: InvitationIssuerDeps): InvitationIssuer {
  const Invitations = invitationModel(deps.db);
  const now = deps.now ?? (() => new Date());
  return {
    prepare() {
      const expiresAt = new Date(now().getTime() + deps.ttlHours * 3600_000);
      return { invitationId: newInvitationId(), expiresAt: expiresAt.toISOString() };
    },
    async issue(session, { prepared, caseDoc, respondent, email, createdBy, voidReason }) {
      const at = now();
      // each pending link of this respondent by its id (writes by _id only: the engine plans nothing
      // else for an update)
      const pending = await Invitations.find(
        { caseId: caseDoc._id, state: 'pending' },
        { _id: 1, respondent: 1 },
      )
        .session(session)
        .lean();
      for (const { _id } of pending.filter((p) => slotOf(p) === respondent)) {
        await Invitations.updateOne(
          { _id },
          { $set: { state: 'void', voidedAt: at, voidReason } },
          { session },
        );
      }
      const { token, tokenHash } = newInvitationToken();
      const doc: InvitationDoc = {
        _id: prepared.invitationId,
        caseId: caseDoc._id,
        respondent,
        email,
        tokenHash,
        state: 'pending',
        expiresAt: new Date(prepared.expiresAt),
        createdAt: at,
        createdBy,
        openedAt: null,
        claimedAt: null,
        claimedBy: null,
        voidedAt: null,
        voidReason: null,
      };
      await Invitations.create([doc], { session });
      await deps.outbox.enqueue(
        {
          to: email,
          // the respondent has no account yet, so no language of their own: the platform's default
          locale: 'zh-CN',
          template: 'invitation',
          data: {
            token,
            caseId: caseDoc._id,
            caseNo: caseDoc.caseNo,
            title: caseDoc.title,
            complainantName: caseDoc.complaint.complainant.name,
            respondentName: namedRespondents(caseDoc)[respondent]?.name ?? caseDoc.respondentName,
            expiresAt: prepared.expiresAt,
          },
          dedupeKey: invitationMailKey(prepared.invitationId),
          caseId: caseDoc._id,
        },
        { session },
      );
    },
  };
}
