import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config/loadConfig.js';
import { createInvitationIssuer } from '../invitations/createInvitationIssuer.js';
import { createMailOutbox } from '../mail/createMailOutbox.js';
import { createDeadlineScheduler, type DeadlineScheduler } from '../deadlines/deadlineScheduler.js';
import { createCaseEffects } from './caseEffects.js';
import { createCaseStore, type CaseStore } from './caseStore.js';

/** The case engine of one server instance: the store (with its effects) and the clock scheduler. */
export interface CaseEngine {
  store: CaseStore;
  scheduler: DeadlineScheduler;
}

/** Builds the case engine on a connection (nothing runs until `scheduler.start()`). */
export function createCaseEngine(deps: {
  db: Connection;
  logger: Logger;
  now?: () => Date;
  schedulerIntervalMs?: number;
  /** With the configuration, a case entering a channel invites its respondent by mail (`server/invitations/`). */
  config?: Config;
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
  const effects = createCaseEffects({ db: deps.db, logger: deps.logger, invitations });
  const store = createCaseStore({ db: deps.db, logger: deps.logger, now, effects });
  const scheduler = createDeadlineScheduler({
    db: deps.db,
    store,
    logger: deps.logger,
    now,
    ...(deps.schedulerIntervalMs ? { intervalMs: deps.schedulerIntervalMs } : {}),
  });
  return { store, scheduler };
}
