import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config/loadConfig.js';
import { createInvitationIssuer } from '../invitations/createInvitationIssuer.js';
import { createMailOutbox } from '../mail/createMailOutbox.js';
import { createClockScheduler, type ClockScheduler } from '../clocks/clockScheduler.js';
import { createDocumentWorker, type DocumentWorker } from '../documents/documentWorker.js';
import type { CaseNotifier } from '../notifications/createCaseNotifier.js';
import { createCaseEffects } from '../effects/createCaseEffects.js';
import { createCaseStore, type CaseStore } from '../cases/caseStore.js';

/** The case engine of one server instance: the store (with its effects), the clock scheduler and the document worker. */
export interface CaseEngine {
  store: CaseStore;
  scheduler: ClockScheduler;
  /** Renders the documents events call for, after their commits (`server/documents/`). */
  documents: DocumentWorker;
  /** Writes and announces notifications, when the engine was built with one. */
  notifier?: CaseNotifier | undefined;
}

/** Builds the case engine on a connection (nothing runs until `scheduler.start()` / `documents.start()`). */
export function createCaseEngine(deps: {
  db: Connection;
  logger: Logger;
  now?: () => Date;
  schedulerIntervalMs?: number;
  /** Notifies the people concerned by each event (the server's engine; not the demo seeder's). */
  notifier?: CaseNotifier;
  /** With the configuration, a case entering a channel invites its respondent by mail (`server/invitations/`). */
  config?: Config;
  /** Case projections kept for actions (default: the configuration's `caseCacheSize`, else none). */
  cacheSize?: number;
}): CaseEngine {
  const now = deps.now ?? (() => new Date());
  const { config } = deps;
  const invitations = config
    ? createInvitationIssuer({
        db: deps.db,
        outbox: createMailOutbox({ db: deps.db, config, logger: deps.logger, now }),
        ttlHours: config.invitationTtlHours,
        now,
      })
    : undefined;
  const effects = createCaseEffects({
    db: deps.db,
    logger: deps.logger,
    notifier: deps.notifier,
    invitations,
  });
  const store = createCaseStore({
    db: deps.db,
    logger: deps.logger,
    now,
    effects,
    cacheSize: deps.cacheSize ?? config?.caseCacheSize ?? 0,
  });
  const { notifier } = deps;
  if (notifier) store.onAppended(({ event }) => notifier.published(event));
  const scheduler = createClockScheduler({
    db: deps.db,
    store,
    logger: deps.logger,
    now,
    ...(deps.schedulerIntervalMs ? { intervalMs: deps.schedulerIntervalMs } : {}),
  });
  const documents = createDocumentWorker({ db: deps.db, store, logger: deps.logger, now });
  return { store, scheduler, documents, notifier };
}
