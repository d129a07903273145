import type { ClientSession } from 'mongodb';
import type { Connection } from 'mongoose';
import type { CaseEventDoc } from './caseEventModel.js';
import type { CaseDoc } from './caseModel.js';
import { conflictPartyKeys } from './conflictPartyKeys.js';
import { mediatorConflictModel } from './mediatorConflictModel.js';

/**
 * Remembers a mediator's declared conflict of interest (a `DECLINE_ASSIGNMENT` with `conflict`) with
 * the declared party, so no later case of that party is offered to them (the case itself is barred by
 * the machine). Written in the event's transaction; each conflict once, without a duplicate-key error
 * (which would abort the transaction).
 */
export async function recordMediatorConflicts(
  db: Connection,
  caseDoc: CaseDoc,
  event: CaseEventDoc,
  session?: ClientSession,
): Promise<void> {
  const reason = typeof event.data.reason === 'string' ? event.data.reason : 'conflict of interest';
  const keys = conflictPartyKeys(caseDoc, event.data.conflictWith);
  for (const partyKey of keys as string[]) {
    await mediatorConflictModel(db).updateOne(
      { _id: `${event.actor.id}:${partyKey}` },
      { $setOnInsert: { mediatorId: event.actor.id, partyKey, caseId: caseDoc._id, reason, at: event.at } },
      { upsert: true, ...(session ? { session } : {}) },
    );
  }
}
