import { intakeSources } from '../compose/intakeSources.js';
import { SYSTEM_ACTOR } from '../cases/systemActor.js';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { CaseContext } from '../../shared/case/caseContext.js';
import type { CaseAction } from '../../shared/case/caseEvents.js';
import type { ClockId } from '../../shared/case/clockIds.js';
import { computeWarnings } from '../../shared/case/clocks.js';
import type { Channel } from '../../shared/vocabulary.js';
import type { CaseDoc } from '../cases/caseModel.js';
import { createCaseEngine } from '../compose/createCaseEngine.js';
import { fileComplaint } from '../cases/fileComplaint.js';
import { deadlineModel } from '../deadlines/deadlineModel.js';
import { DomainError } from '../errors/domainError.js';
import { DEMO_USERS } from './demoDirectory.js';
import { DEFAULT_DEMO_CASES } from '../config/demoDefaults.js';
import { demoActor, planDemoCases, type DemoCasePlan } from './planDemoCases.js';

/** Why the intake desk routes a case to a channel other than the recommended one. */
const ROUTING_REASONS: Readonly<Record<Channel, string>> = {
  administrative: 'Enforcement can act faster against the seller.',
  judicial: 'The claim and the remedies asked for need a court.',
  mediation: 'Both parties are open to mediation.',
  arbitration: 'The licence agreement refers disputes to arbitration.',
  legalServices: 'The complainant needs legal aid first.',
  socialSupervision: 'An earlier decision is being ignored.',
  industrySelfRegulation: 'Both companies are members of the association.',
};

/** Options of {@link seedDemoCases}. */
export interface SeedDemoCasesOptions {
  /** The instant the demo history ends at (default: now). */
  now?: Date;
  /** The seed of the plan (default: the demo seed). */
  seed?: number;
  /** How many cases go through their steps at a time (default {@link DEMO_SEED_LANES}). */
  concurrency?: number;
  /** Called as cases are seeded, with about how many cases' worth of work is done (`count` at the end). */
  onProgress?: (done: number) => void;
}

/** How many cases go through their steps at a time by default. */
export const DEMO_SEED_LANES = 4;

/**
 * Creates `count` demo cases (see `planDemoCases`) through the real case engine, every step at its
 * planned past instant with the effects that follow each commit (organisation and mediator
 * assignment, stored clocks). Clocks that come due between two steps fire at their due instants
 * through the deadline scheduler, so warnings, breaches and expiries are in the logs as the running
 * server would have written them; what comes due after a case's last step is left to the server's
 * scheduler. Needs the demo directory.
 *
 * The same plan gives the same data on every run: the cases are filed one after another in filing
 * order (so case numbers and intake checks come out the same; each filing sees the earlier ones, not
 * yet screened), then go through their steps in `concurrency` lanes that share nothing chosen by
 * load: the cases that take a mediator (chosen by load) all run in one lane, the others round-robin
 * in the rest (their organisations are named in the plan or the only one of their type).
 */
export async function seedDemoCases(
  db: Connection,
  logger: Logger,
  count: number = DEFAULT_DEMO_CASES,
  opts: SeedDemoCasesOptions = {},
): Promise<number> {
  const plans = planDemoCases(count, { ...(opts.now ? { now: opts.now } : {}), seed: opts.seed });
  const Deadlines = deadlineModel(db);
  // progress in cases' worth of work: a filing and each step weigh one
  const work = plans.reduce((sum, p) => sum + 1 + p.steps.length, 0);
  let worked = 0;
  let reported = 0;
  const progress = (units: number) => {
    worked += units;
    const done = Math.floor((count * worked) / Math.max(1, work));
    if (done > reported) opts.onProgress?.((reported = done));
  };
  let refused = 0;

  /** An engine of its own with its own clock: the store takes the time of each event from it. */
  const lane = () => {
    const at = { ms: 0 };
    return { at, engine: createCaseEngine({ db, logger, now: () => new Date(at.ms) }) };
  };
  type Lane = ReturnType<typeof lane>;

  /**
   * Fires the case's clock levels (warnings at 50% and 80%, expiry) that come due from `from` to
   * `until` (exclusive, or inclusive for a clock step), each at its due instant. The stored deadlines
   * are read only when a running clock has a level in that span.
   */
  async function runClocks(
    { at, engine }: Lane,
    doc: CaseDoc,
    from: number,
    until: number,
    inclusive: boolean,
  ): Promise<CaseDoc> {
    const inSpan = (t: number) => t >= from && (inclusive ? t <= until : t < until);
    if (!doc.clocks.some((c) => !c.breached && levelTimes(c).some(inSpan))) return doc;
    let current = doc;
    for (let i = 0; i < 50 && current.clocks.length > 0; i++) {
      const pending = await Deadlines.find({ caseId: current._id, state: 'pending' }, { nextAt: 1 }).lean();
      const next = Math.min(...pending.map((d) => d.nextAt?.getTime() ?? Number.POSITIVE_INFINITY));
      if (!(inclusive ? next <= until : next < until)) break;
      at.ms = next;
      await engine.scheduler.tick({ caseId: current._id });
      current = (await engine.store.load(current._id)).doc;
    }
    return current;
  }

  /**
   * A case in a channel whose respondent has a demo account: that account claimed its invitation when
   * the case got there, so it is served then (its answer and consent periods run from service).
   */
  async function serveDemoRespondent({ at, engine }: Lane, doc: CaseDoc): Promise<CaseDoc> {
    const context = (doc.snapshot as { context: CaseContext }).context;
    if (!doc.channel || !doc.respondentId || context.service || context.outcome || context.closureReason)
      return doc;
    const servedAt = new Date(at.ms).toISOString();
    return engine.store.transition(doc._id, SYSTEM_ACTOR, { type: 'SERVE', means: 'link', servedAt });
  }

  /** Takes a filed case through its planned steps. */
  async function runSteps(l: Lane, plan: DemoCasePlan, filed: CaseDoc): Promise<void> {
    let doc = filed;
    let last = plan.filedAt.getTime();
    for (const step of plan.steps) {
      doc = await runClocks(l, doc, last, step.at.getTime(), step.who === 'clock');
      last = step.at.getTime();
      progress(1);
      if (step.who === 'clock') continue; // the scheduler fired it
      l.at.ms = step.at.getTime();
      const who =
        step.who === 'filer' ? plan.filer : step.who === 'assignedMediator' ? doc.mediatorId : step.who;
      try {
        if (!who) throw new DomainError('conflict', 'No mediator is assigned.');
        doc = await l.engine.store.transition(doc._id, demoActor(who), withRoutingReason(step.action, doc));
        doc = await serveDemoRespondent(l, doc);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        refused++;
        logger.warn(
          {
            scenario: plan.scenario,
            caseNo: doc.caseNo,
            step: step.action.type,
            stage: doc.stage,
            reason: err.message,
          },
          'a demo step was refused',
        );
      }
    }
  }

  // the filings, one after another in filing order
  const first = lane();
  const filed: CaseDoc[] = [];
  for (const plan of plans) {
    first.at.ms = plan.filedAt.getTime();
    const filer = DEMO_USERS.find((u) => u.id === plan.filer);
    if (!filer) throw new Error(`no demo user ${plan.filer}`);
    const { caseDoc } = await fileComplaint(
      intakeSources(db),
      first.engine.store,
      plan.complaint,
      { id: filer.id, name: filer.name },
      demoActor(filer.id),
      plan.filedAt,
    );
    filed.push(caseDoc);
    progress(1);
  }

  // the steps, in lanes: one for the cases a mediator takes, the others round-robin
  const lanes = Math.max(1, Math.floor(opts.concurrency ?? DEMO_SEED_LANES));
  const queues: number[][] = Array.from({ length: lanes }, () => []);
  let next = 0;
  plans.forEach((plan, i) => {
    if (lanes === 1 || takesMediator(plan)) queues[0]!.push(i);
    else queues[1 + (next++ % (lanes - 1))]!.push(i);
  });
  await Promise.all(
    queues.map(async (queue, k) => {
      const l = k === 0 ? first : lane();
      for (const i of queue) await runSteps(l, plans[i]!, filed[i]!);
    }),
  );
  if (refused > 0) logger.warn({ refused }, 'demo steps were refused; those cases stopped early');
  return plans.length;
}

/** Whether a case's steps take a mediator (one chosen by load when the case needs one). */
function takesMediator(plan: DemoCasePlan): boolean {
  return plan.steps.some(
    (s) =>
      s.who === 'assignedMediator' ||
      s.action.type === 'ENTRUST_MEDIATION' ||
      (s.action.type === 'ROUTE' && s.action.channel === 'mediation') ||
      (s.action.type === 'TRANSFER' && s.action.channel === 'mediation'),
  );
}

/** When a running clock needs the scheduler: its 50% and 80% warnings and its expiry (epoch ms). */
function levelTimes(clock: CaseDoc['clocks'][number]): number[] {
  const startedAt = new Date(clock.startedAt).toISOString();
  const dueAt = new Date(clock.dueAt).toISOString();
  return computeWarnings(clock.clock as ClockId, startedAt, dueAt).map((w) => Date.parse(w.at));
}

/** Routing away from the recommended channel needs a reason: the intake desk gives one. */
function withRoutingReason(action: CaseAction, doc: CaseDoc): CaseAction {
  if (action.type !== 'ROUTE' || action.reason) return action;
  const recommended = (doc.snapshot as { context?: CaseContext }).context?.recommendedChannel;
  return recommended === action.channel ? action : { ...action, reason: ROUTING_REASONS[action.channel] };
}
