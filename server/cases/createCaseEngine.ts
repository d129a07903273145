import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { createDeadlineScheduler, type DeadlineScheduler } from '../deadlines/deadlineScheduler.js';
import { createDocumentWorker, type DocumentWorker } from '../documents/documentWorker.js';
import { createCaseEffects } from './caseEffects.js';
import { createCaseStore, type CaseStore } from './caseStore.js';

/** The case engine of one server instance: the store (with its effects), the clock scheduler and the document worker. */
export interface CaseEngine {
  store: CaseStore;
  scheduler: DeadlineScheduler;
  /** Renders the documents events call for, after their commits (`server/documents/`). */
  documents: DocumentWorker;
}

/** Builds the case engine on a connection (nothing runs until `scheduler.start()` / `documents.start()`). */
export function createCaseEngine(deps: {
  db: Connection;
  logger: Logger;
  now?: () => Date;
  schedulerIntervalMs?: number;
}): CaseEngine {
  const now = deps.now ?? (() => new Date());
  const effects = createCaseEffects({ db: deps.db, logger: deps.logger });
  const store = createCaseStore({ db: deps.db, logger: deps.logger, now, effects });
  const scheduler = createDeadlineScheduler({
    db: deps.db,
    store,
    logger: deps.logger,
    now,
    ...(deps.schedulerIntervalMs ? { intervalMs: deps.schedulerIntervalMs } : {}),
  });
  const documents = createDocumentWorker({ db: deps.db, store, logger: deps.logger, now });
  return { store, scheduler, documents };
}
