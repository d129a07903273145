import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Actor } from '../../shared/case/caseEvents.js';
import { createCaseEngine } from '../cases/createCaseEngine.js';
import { fileComplaint } from '../cases/fileComplaint.js';
import { DomainError } from '../errors/domainError.js';
import { DEMO_COMPLAINTS } from './demoComplaints.js';
import { DEMO_ORGS, DEMO_USERS } from './demoDirectory.js';
import { DEMO_SCENARIOS } from './demoScenarios.js';

const HOUR = 3600_000;

function actorOf(id: string): Actor {
  const user = DEMO_USERS.find((u) => u.id === id);
  if (!user) throw new Error(`no demo user ${id}`);
  return {
    id,
    role: user.role,
    orgId: user.orgId,
    orgType: DEMO_ORGS.find((o) => o.id === user.orgId)?.type ?? null,
  };
}

/**
 * Creates `count` realistic demo cases across every channel and many states, each with a history
 * spread over the past weeks (every step goes through the real engine at its own past time). Steps
 * the machine refuses in a given variation are skipped. Needs the demo directory.
 */
export async function seedDemoCases(
  db: Connection,
  logger: Logger,
  count: number,
  opts: { now?: Date; onProgress?: (done: number) => void } = {},
): Promise<number> {
  const end = (opts.now ?? new Date()).getTime();
  let clock = end;
  const engine = createCaseEngine({ db, logger, now: () => new Date(clock) });
  let created = 0;
  for (let i = 0; i < count; i++) {
    const scenario = DEMO_SCENARIOS[i % DEMO_SCENARIOS.length]!;
    const span = scenario.steps.reduce((h, s) => h + s.afterHours, 0);
    // file so that the last step lands within the last few days
    clock = end - (span + 6 + ((i * 37) % 90)) * HOUR;
    const complaint = structuredClone(DEMO_COMPLAINTS[scenario.complaint]!);
    if (i >= DEMO_SCENARIOS.length)
      complaint.title = `${complaint.title} (${Math.floor(i / DEMO_SCENARIOS.length) + 1})`;
    const filer = DEMO_USERS.find((u) => u.id === scenario.filer)!;
    const { caseDoc } = await fileComplaint(
      db,
      engine.store,
      complaint,
      { id: filer.id, name: filer.name },
      actorOf(filer.id),
      new Date(clock),
    );
    let doc = caseDoc;
    for (const step of scenario.steps) {
      clock += step.afterHours * HOUR;
      const who = step.who === 'assignedMediator' ? doc.mediatorId : step.who;
      if (!who) break;
      try {
        doc = await engine.store.transition(doc._id, actorOf(who), step.action);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        logger.debug(
          {
            scenario: scenario.name,
            step: step.action.type,
            reason: err.message,
            extra: err.extra,
            stage: doc.stage,
          },
          'demo step skipped',
        );
      }
    }
    created++;
    opts.onProgress?.(created);
  }
  return created;
}
