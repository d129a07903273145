import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { handlerOrgType } from '../../shared/case/caseActors.js';
import type { CaseContext } from '../../shared/case/caseContext.js';
import type { Actor } from '../../shared/case/caseEvents.js';
import { creditEntryModel } from '../credit/creditEntryModel.js';
import { isDuplicateKeyError } from '../db/duplicateKeyError.js';
import { deadlineModel } from '../deadlines/deadlineModel.js';
import { syncDeadlines } from '../deadlines/syncDeadlines.js';
import { DomainError } from '../errors/domainError.js';
import { orgModel } from '../orgs/orgModel.js';
import type { CaseEventDoc } from './caseEventModel.js';
import type { CaseDoc } from './caseModel.js';
import type { CaseStore } from './caseStore.js';
import { ORG_ASSIGNED, ORG_JOINED } from './foldCaseEvent.js';
import { mediatorConflictModel } from './mediatorConflictModel.js';
import { pickMediator } from './pickMediator.js';
import { pickOrganisation } from './pickOrganisation.js';
import { SYSTEM_ACTOR } from './systemActor.js';

/** What the case effects need. */
export interface CaseEffectsDeps {
  db: Connection;
  store: CaseStore;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
}

/** Runs the effects of a case's current state; `runPending` finishes those a crash or failure cut short. */
export interface CaseEffects {
  run(caseDoc: CaseDoc, event?: CaseEventDoc): Promise<void>;
  /**
   * Runs the effects of every case whose last commit's effects did not finish (marked in the same
   * transaction as the event, found by an index: start-up and after a failure cost what is pending,
   * not what is stored). A case that fails again stays pending. Resolves with how many finished.
   */
  runPending(): Promise<number>;
}

const insertIgnoringDuplicate = async (write: () => Promise<unknown>) => {
  try {
    await write();
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
};

/**
 * The side effects that follow an appended event, all idempotent so they can run again after a crash:
 * stored clocks follow the machine's clocks; a declared conflict is remembered; a case closed with
 * infringement found (or a remedy ignored) enters the credit register; a case entering a channel is
 * given to an organisation of the right type; a case waiting for a mediator gets one.
 */
export function createCaseEffects(deps: CaseEffectsDeps): CaseEffects {
  const { db, store, logger } = deps;
  const Deadlines = deadlineModel(db);
  const Credit = creditEntryModel(db);
  const Conflicts = mediatorConflictModel(db);
  const Orgs = orgModel(db);

  async function rememberConflict(caseDoc: CaseDoc, event: CaseEventDoc): Promise<void> {
    const reason = typeof event.data.reason === 'string' ? event.data.reason : 'conflict of interest';
    const keys = [caseDoc.complainantId, caseDoc.respondentKey, caseDoc.respondentId].filter(
      Boolean,
    ) as string[];
    for (const partyKey of keys) {
      await insertIgnoringDuplicate(() =>
        Conflicts.create({
          _id: `${event.actor.id}:${partyKey}`,
          mediatorId: event.actor.id,
          partyKey,
          caseId: caseDoc._id,
          reason,
          at: event.at,
        }),
      );
    }
  }

  async function recordCredit(caseDoc: CaseDoc, decision: string, id: string, at: Date): Promise<void> {
    await insertIgnoringDuplicate(() =>
      Credit.create({
        _id: id,
        caseNo: caseDoc.caseNo,
        name: caseDoc.respondentName,
        nameKey: caseDoc.respondentKey,
        rightNumber: caseDoc.rightNumbers.join(', '),
        ipType: caseDoc.ipType,
        decision,
        channel: caseDoc.channel,
        date: at,
      }),
    );
  }

  async function assignOrganisation(
    caseDoc: CaseDoc,
    context: CaseContext,
    actor: Actor,
    requested: string | undefined,
  ): Promise<void> {
    const needed = handlerOrgType(context);
    if (!needed || caseDoc.status === 'closed') return;
    if (caseDoc.orgId && (!requested || requested === caseDoc.orgId)) {
      const current = await Orgs.findById(caseDoc.orgId).lean();
      if (current?.type === needed) return;
    }
    const orgId = await pickOrganisation(db, needed, actor, requested);
    if (orgId === caseDoc.orgId) return;
    if (!orgId) {
      logger.warn({ caseId: caseDoc._id, needed }, 'no organisation of this type to hold the case');
      return;
    }
    await store.record(caseDoc._id, SYSTEM_ACTOR, ORG_ASSIGNED, { orgId, orgType: needed });
  }

  /** A party applied for judicial confirmation of a mediation agreement: a court joins the case. */
  async function bringInCourt(caseDoc: CaseDoc, actor: Actor): Promise<void> {
    if (!caseDoc.stage.endsWith('.awaitingConfirmation')) return;
    for (const id of caseDoc.joinedOrgIds ?? []) {
      if ((await Orgs.findById(id).lean())?.type === 'judicial') return;
    }
    const orgId = await pickOrganisation(db, 'judicial', actor);
    if (orgId) await store.record(caseDoc._id, SYSTEM_ACTOR, ORG_JOINED, { orgId, orgType: 'judicial' });
  }

  async function assignMediator(caseDoc: CaseDoc): Promise<void> {
    if (!caseDoc.stage.endsWith('.awaitingMediator')) return;
    const choice = await pickMediator(db, caseDoc);
    if (!choice) {
      logger.warn({ caseId: caseDoc._id }, 'no mediator is free for this case: an officer must assign one');
      return;
    }
    try {
      await store.transition(caseDoc._id, SYSTEM_ACTOR, {
        type: 'ASSIGN_MEDIATOR',
        mediatorId: choice.mediatorId,
      });
    } catch (err) {
      // someone else changed the case first (or assigned a mediator): their change wins
      if (!(err instanceof DomainError && err.kind === 'conflict')) throw err;
    }
  }

  async function run(
    caseDoc: CaseDoc,
    event?: CaseEventDoc,
    previousClocks?: CaseDoc['clocks'],
  ): Promise<void> {
    await syncDeadlines(Deadlines, caseDoc, previousClocks);
    if (event && event.kind !== 'transition') return;
    const context = (caseDoc.snapshot as { context: CaseContext }).context;
    if (event?.type === 'DECLINE_ASSIGNMENT' && event.data.conflict === true)
      await rememberConflict(caseDoc, event);
    if (caseDoc.status === 'closed' && context.outcome?.infringementFound && caseDoc.closedAt) {
      await recordCredit(caseDoc, `infringement:${context.outcome.kind}`, caseDoc._id, caseDoc.closedAt);
    }
    if (event?.type === 'RECORD_COMPLIANCE' && event.data.complied === false) {
      await recordCredit(caseDoc, 'nonCompliance', `${caseDoc._id}:nonCompliance`, event.at);
    }
    // the holding organisation changes only when the channel does (or none holds the case yet)
    if (!event || !caseDoc.orgId || event.data.channel !== undefined || event.type === 'REJECT') {
      const requested = typeof event?.data.orgId === 'string' ? event.data.orgId : undefined;
      await assignOrganisation(caseDoc, context, event?.actor ?? SYSTEM_ACTOR, requested);
    }
    await bringInCourt(caseDoc, event?.actor ?? SYSTEM_ACTOR);
    await assignMediator(caseDoc);
  }

  store.onAppended(({ event, caseDoc, previousClocks }) => run(caseDoc, event, previousClocks), {
    durable: true,
  });

  return {
    run,
    async runPending() {
      let finished = 0;
      const tried = new Set<string>();
      for (;;) {
        const ids = (await store.pendingEffects(100)).filter((id) => !tried.has(id));
        if (ids.length === 0) return finished;
        for (const caseId of ids) {
          tried.add(caseId);
          try {
            const { doc } = await store.load(caseId);
            await run(doc);
            await store.effectsDone(caseId, doc.seq);
            finished++;
          } catch (err) {
            logger.warn({ err, caseId }, 'finishing the effects of a case failed; trying again later');
          }
        }
      }
    },
  };
}
