import { orgById } from '../orgs/orgLookups.js';
import { recordMediatorConflicts } from '../cases/recordMediatorConflicts.js';
import type { ClientSession } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { handlerOrgType } from '../../shared/case/caseActors.js';
import type { CaseContext } from '../../shared/case/caseContext.js';
import type { Actor } from '../../shared/case/caseEvents.js';
import { createCreditRecorder, CREDIT_LISTED } from '../credit/creditRecorder.js';
import { queueDocuments } from '../documents/queueDocuments.js';
import { syncDeadlines } from '../deadlines/syncDeadlines.js';
import type { CaseNotifier } from '../notifications/createCaseNotifier.js';
import { invitationFollowUp } from '../invitations/invitationFollowUp.js';
import type { InvitationIssuer } from '../invitations/createInvitationIssuer.js';
import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { CaseEffects, FollowUp, FollowUpKind, Committed } from '../cases/caseEffects.js';
import type { CaseDoc } from '../cases/caseModel.js';
import { ORG_ASSIGNED, ORG_JOINED } from '../cases/foldCaseEvent.js';
import { pickMediator } from '../cases/pickMediator.js';
import { pickOrganisation } from '../cases/pickOrganisation.js';
import { SYSTEM_ACTOR } from '../cases/systemActor.js';

/** What the case effects need. */
export interface CaseEffectsDeps {
  db: Connection;
  logger: Pick<Logger, 'warn'>;
  /** Notifications (in-app and e-mail) written with the event; none without. */
  notifier?: CaseNotifier | undefined;
  /** Issues the respondent's invitation when a case enters a channel (absent: none is sent). */
  invitations?: InvitationIssuer | undefined;
}

const contextOf = (caseDoc: CaseDoc) => (caseDoc.snapshot as { context: CaseContext }).context;

/** The holding organisation changes when the channel does, on a hand-over, or when none holds the case yet. */
const mayChangeOrganisation = (caseDoc: CaseDoc, event?: CaseEventDoc) =>
  !event ||
  !caseDoc.orgId ||
  event.data.channel !== undefined ||
  event.type === 'REJECT' ||
  event.type === 'HAND_OVER';

/** Builds the case effects on a connection. */
export function createCaseEffects(deps: CaseEffectsDeps): CaseEffects {
  const { db, logger } = deps;
  const credit = createCreditRecorder(db);

  async function inCommit(session: ClientSession | undefined, committed: Committed): Promise<void> {
    const { event, caseDoc } = committed;
    await syncDeadlines(db, caseDoc, committed.previousClocks, session);
    await credit.onCommit(session, caseDoc, event);
    if (event) await deps.notifier?.inCommit(session, event, caseDoc, committed.previous);
    if (event && event.kind !== 'transition') return;
    // the documents the event calls for are queued with it and rendered after the commit
    if (event) await queueDocuments(db, event, caseDoc, session);
    if (event?.type === 'DECLINE_ASSIGNMENT' && event.data.conflict === true)
      await recordMediatorConflicts(db, caseDoc, event, session);
  }

  function mayFollowUp(caseDoc: CaseDoc, event?: CaseEventDoc): boolean {
    if (credit.mayNotify(caseDoc, event)) return true;
    if (caseDoc.status === 'closed' || (event && event.kind !== 'transition')) return false;
    if (mayChangeOrganisation(caseDoc, event) && handlerOrgType(contextOf(caseDoc))) return true;
    return caseDoc.stage.endsWith('.awaitingConfirmation') || caseDoc.stage.endsWith('.awaitingMediator');
  }

  /** A case entering a channel is given to an organisation of the right type. */
  async function organisation(caseDoc: CaseDoc, cause?: CaseEventDoc): Promise<FollowUp | undefined> {
    const needed = handlerOrgType(contextOf(caseDoc));
    if (!needed || caseDoc.status === 'closed' || !mayChangeOrganisation(caseDoc, cause)) return undefined;
    const requested = typeof cause?.data.orgId === 'string' ? cause.data.orgId : undefined;
    if (caseDoc.orgId && (!requested || requested === caseDoc.orgId)) {
      const current = await orgById(db, caseDoc.orgId, { type: 1 });
      if (current?.type === needed) return undefined;
    }
    const orgId = await pickOrganisation(db, needed, actorOf(cause), requested);
    if (orgId === caseDoc.orgId) return undefined;
    if (!orgId) {
      logger.warn({ caseId: caseDoc._id, needed }, 'no organisation of this type to hold the case');
      return undefined;
    }
    return { kind: 'record', type: ORG_ASSIGNED, data: { orgId, orgType: needed } };
  }

  /** A party applied for judicial confirmation of a mediation agreement: a court joins the case. */
  async function court(caseDoc: CaseDoc, cause?: CaseEventDoc): Promise<FollowUp | undefined> {
    if (!caseDoc.stage.endsWith('.awaitingConfirmation')) return undefined;
    for (const id of caseDoc.joinedOrgIds ?? []) {
      if ((await orgById(db, id, { type: 1 }))?.type === 'judicial') return undefined;
    }
    const orgId = await pickOrganisation(db, 'judicial', actorOf(cause));
    return orgId ? { kind: 'record', type: ORG_JOINED, data: { orgId, orgType: 'judicial' } } : undefined;
  }

  /** A case waiting for a mediator gets one. */
  async function mediator(caseDoc: CaseDoc): Promise<FollowUp | undefined> {
    if (!caseDoc.stage.endsWith('.awaitingMediator')) return undefined;
    const choice = await pickMediator(db, caseDoc);
    if (!choice) {
      logger.warn({ caseId: caseDoc._id }, 'no mediator is free for this case: an officer must assign one');
      return undefined;
    }
    return { kind: 'transition', action: { type: 'ASSIGN_MEDIATOR', mediatorId: choice.mediatorId } };
  }

  const issuer = deps.invitations;
  const steps: [FollowUpKind, (caseDoc: CaseDoc, cause?: CaseEventDoc) => Promise<FollowUp | undefined>][] = [
    ['organisation', organisation],
    ['court', court],
    ['mediator', mediator],
    ['invitation', async (caseDoc) => (issuer ? invitationFollowUp(db, issuer, caseDoc) : undefined)],
  ];

  return {
    inCommit,
    mayFollowUp,
    async nextFollowUp(caseDoc, cause, tried) {
      if (!tried.has('creditNotice')) {
        tried.add('creditNotice');
        const notice = await credit.nextNotice(caseDoc);
        if (notice) return { kind: 'record', type: CREDIT_LISTED, data: notice };
      }
      if (caseDoc.status === 'closed') return undefined;
      for (const [kind, step] of steps) {
        if (tried.has(kind)) continue;
        tried.add(kind);
        const next = await step(caseDoc, cause);
        if (next) return next;
      }
      return undefined;
    },
  };
}

/** Who a follow-up's choice is made for: the actor of its cause (an officer's own organisation first). */
function actorOf(cause?: CaseEventDoc): Actor {
  return cause?.actor ?? SYSTEM_ACTOR;
}
