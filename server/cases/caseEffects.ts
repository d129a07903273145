import { conflictPartyKeys } from './conflictPartyKeys.js';
import type { ClientSession } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { handlerOrgType } from '../../shared/case/caseActors.js';
import type { CaseContext } from '../../shared/case/caseContext.js';
import type { Actor, CaseAction } from '../../shared/case/caseEvents.js';
import { createCreditRecorder, CREDIT_LISTED } from '../credit/creditRecorder.js';
import { deadlineModel } from '../deadlines/deadlineModel.js';
import { documentJobModel } from '../documents/documentJobModel.js';
import { queueDocuments } from '../documents/queueDocuments.js';
import { syncDeadlines } from '../deadlines/syncDeadlines.js';
import type { CaseNotifier } from '../notifications/createCaseNotifier.js';
import { orgModel } from '../orgs/orgModel.js';
import { invitationFollowUp } from '../invitations/invitationFollowUp.js';
import type { InvitationIssuer } from '../invitations/createInvitationIssuer.js';
import type { CaseEventDoc } from './caseEventModel.js';
import type { AlsoWrite } from './caseStore.js';
import type { CaseDoc } from './caseModel.js';
import { ORG_ASSIGNED, ORG_JOINED } from './foldCaseEvent.js';
import { mediatorConflictModel } from './mediatorConflictModel.js';
import { pickMediator } from './pickMediator.js';
import { pickOrganisation } from './pickOrganisation.js';
import { SYSTEM_ACTOR } from './systemActor.js';

/** An event just appended (or, without `event`, a case being repaired) and what it left behind. */
export interface Committed {
  event?: CaseEventDoc | undefined;
  caseDoc: CaseDoc;
  /** The clocks the case ran before the event; without them every stored deadline is checked. */
  previousClocks?: CaseDoc['clocks'] | undefined;
  /** Where the case was before the event (none for a new case). */
  previous?: CaseDoc | undefined;
}

/**
 * An event the platform appends because of another one (always after it, by the system actor); a
 * record may bring `alsoWrite`, committed with it (an invitation and its mail).
 */
export type FollowUp =
  | { kind: 'record'; type: string; data: Record<string, unknown>; alsoWrite?: AlsoWrite }
  | { kind: 'transition'; action: CaseAction };

/** The follow-ups there are, in the order they are considered. */
export type FollowUpKind = 'organisation' | 'court' | 'mediator' | 'creditNotice' | 'invitation';

/**
 * What an appended event causes besides its own insert and projection. `inCommit` writes inside the
 * event's transaction what follows from it alone (so it commits or fails with the event); follow-ups
 * are new events that need a choice read from other data (an organisation, a court, a mediator) and
 * are appended after the event, each in its own commit.
 */
export interface CaseEffects {
  /**
   * Inside the event's transaction: stored clocks follow the machine's clocks; a declared conflict is
   * remembered; the credit register follows publishable final decisions (`creditRecorder.ts`); the
   * documents the event calls for are queued (`server/documents/queueDocuments.ts`).
   * people concerned are notified (`server/notifications/`, in the app and by e-mail).
   * Idempotent, so a repair may run it again.
   */
  inCommit(session: ClientSession | undefined, committed: Committed): Promise<void>;
  /**
   * Whether the event may call for a follow-up (pure: read from the case and the event). Only such
   * commits mark the case pending until their follow-ups are appended.
   */
  mayFollowUp(caseDoc: CaseDoc, event?: CaseEventDoc): boolean;
  /**
   * The next follow-up of `cause` for the case as it is now, considering each kind once (`tried`
   * collects them); undefined when nothing (more) is to be done.
   */
  nextFollowUp(
    caseDoc: CaseDoc,
    cause: CaseEventDoc | undefined,
    tried: Set<FollowUpKind>,
  ): Promise<FollowUp | undefined>;
}

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
  const Deadlines = deadlineModel(db);
  const credit = createCreditRecorder(db);
  const Conflicts = mediatorConflictModel(db);
  const Orgs = orgModel(db);
  const DocumentJobs = documentJobModel(db);

  /** Inserts unless a document of that id exists (no duplicate-key error, which would abort a transaction). */
  async function insertOnce(
    model: typeof Conflicts,
    doc: { _id: string } & Record<string, unknown>,
    session?: ClientSession,
  ): Promise<void> {
    const { _id, ...fields } = doc;
    await model.updateOne(
      { _id },
      { $setOnInsert: fields },
      { upsert: true, ...(session ? { session } : {}) },
    );
  }

  async function inCommit(session: ClientSession | undefined, committed: Committed): Promise<void> {
    const { event, caseDoc } = committed;
    await syncDeadlines(Deadlines, caseDoc, committed.previousClocks, session);
    await credit.onCommit(session, caseDoc, event);
    if (event) await deps.notifier?.inCommit(session, event, caseDoc, committed.previous);
    if (event && event.kind !== 'transition') return;
    // the documents the event calls for are queued with it and rendered after the commit
    if (event) await queueDocuments(DocumentJobs, event, caseDoc, session);
    if (event?.type === 'DECLINE_ASSIGNMENT' && event.data.conflict === true) {
      const reason = typeof event.data.reason === 'string' ? event.data.reason : 'conflict of interest';
      // the conflict concerns the declared party only (the case itself is barred by the machine)
      const keys = conflictPartyKeys(caseDoc, event.data.conflictWith);
      for (const partyKey of keys as string[]) {
        await insertOnce(
          Conflicts,
          {
            _id: `${event.actor.id}:${partyKey}`,
            mediatorId: event.actor.id,
            partyKey,
            caseId: caseDoc._id,
            reason,
            at: event.at,
          },
          session,
        );
      }
    }
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
      const current = await Orgs.findById(caseDoc.orgId).lean();
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
      if ((await Orgs.findById(id).lean())?.type === 'judicial') return undefined;
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
        // one invitation per respondent: the step is asked again until each has theirs (it then answers none)
        if (next && kind === 'invitation') tried.delete(kind);
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
