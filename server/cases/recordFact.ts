import type { Actor } from '../../shared/case/caseEvents.js';
import { DomainError } from '../errors/domainError.js';
import type { CaseEventDoc } from './caseEventModel.js';
import type { CaseStore } from './caseStore.js';

const ATTEMPTS = 10;

/**
 * Appends a record event (a fact that does not move the machine: evidence, a message) and returns
 * the stored event. Facts have no guard, so a lost race for the next seq is simply retried. `key`
 * names the data field holding the fact's own unique id, by which the stored event is found again
 * (listeners may append follow-up events, so the case's seq afterwards is not necessarily this one).
 */
export async function recordFact(
  store: CaseStore,
  caseId: string,
  actor: Actor,
  type: string,
  data: Record<string, unknown>,
  key: string,
): Promise<CaseEventDoc> {
  for (let attempt = 1; ; attempt++) {
    try {
      await store.record(caseId, actor, type, data);
      break;
    } catch (err) {
      const lostRace = err instanceof DomainError && err.extra.code === 'seqConflict';
      if (!lostRace || attempt >= ATTEMPTS) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
  const ev = await store.models.events
    .findOne({ caseId, type, [`data.${key}`]: data[key] })
    .lean<CaseEventDoc>();
  if (!ev) throw new Error(`recordFact: the ${type} event of ${caseId} was not found after appending it`);
  return ev;
}
