import type { Actor } from '../../shared/machine/caseEvents.js';
import { DomainError } from '../errors/domainError.js';
import type { CaseEventDoc } from './caseEventModel.js';
import type { AlsoWrite, CaseStore, RecordOptions } from './caseStore.js';

const ATTEMPTS = 10;

/**
 * Appends a record event (a fact that does not move the machine: evidence, a message) and returns
 * the event as committed. Facts have no guard, so a lost race for the next seq is simply retried.
 * `alsoWrite` commits with the event and `opts` guard it (see {@link CaseStore.record}): each retry
 * checks them again on the case as it then is.
 */
export async function recordFact(
  store: CaseStore,
  caseId: string,
  actor: Actor,
  type: string,
  data: Record<string, unknown>,
  alsoWrite?: AlsoWrite,
  opts: RecordOptions = {},
): Promise<CaseEventDoc> {
  let stored: CaseEventDoc | undefined;
  const withEvent: AlsoWrite = async (session, event) => {
    stored = event;
    await alsoWrite?.(session, event);
  };
  for (let attempt = 1; ; attempt++) {
    try {
      await store.record(caseId, actor, type, data, withEvent, opts);
      break;
    } catch (err) {
      const lostRace = err instanceof DomainError && err.extra.code === 'seqConflict';
      if (!lostRace || attempt >= ATTEMPTS) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
  if (!stored) throw new Error(`recordFact: the ${type} event of ${caseId} was not committed`);
  return stored;
}
