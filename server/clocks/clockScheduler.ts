import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { ClockId } from '../../shared/time/clockIds.js';
import type { CaseStore } from '../cases/caseStore.js';
import { SYSTEM_ACTOR } from '../cases/systemActor.js';
import { DomainError } from '../errors/domainError.js';
import { clockRunModel, type ClockRunDoc, type ClockWarningLevel } from './clockRunModel.js';
import { nextAt } from './syncClockRuns.js';

/** Case event type of a published 50% / 80% warning (a record: it does not move the machine). */
export const CLOCK_WARNING = 'CLOCK_WARNING';

/** What the scheduler needs. */
export interface ClockSchedulerDeps {
  db: Connection;
  store: CaseStore;
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  now: () => Date;
  /** How often to look for due clocks, in milliseconds. */
  intervalMs?: number;
}

/** Fires stored clocks. `tick` runs one pass (tests and the demo seeder call it with a controlled clock). */
export interface ClockScheduler {
  start(): void;
  stop(): Promise<void>;
  /**
   * Processes every clock run due now (only those of one case with `caseId`, found by the `caseId`
   * index); resolves with how many levels it published.
   */
  tick(opts?: { caseId?: string }): Promise<number>;
}

/**
 * Polls the clock runs (collection `deadlines`) for due warning levels and fires each exactly once: a level is published by
 * appending a case event, after checking the log for one already there. Two schedulers (instances,
 * or a restart) racing on one level collide on the event's `<caseId>:<seq>` id; the loser re-reads
 * the log and finds the level done. A clock whose state was left is cancelled instead.
 */
export function createClockScheduler(deps: ClockSchedulerDeps): ClockScheduler {
  const ClockRuns = clockRunModel(deps.db);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;

  async function alreadyPublished(d: ClockRunDoc, level: ClockWarningLevel): Promise<number | undefined> {
    // the case's own events of the two types a level is published as
    for (const type of [CLOCK_WARNING, 'DEADLINE']) {
      const found = await deps.store.eventsOfType(d.caseId, type);
      const hit = found.find((ev) => ev.data.clockRunId === d._id && ev.data.level === level);
      if (hit) return hit.seq;
    }
    return undefined;
  }

  async function publish(d: ClockRunDoc, level: ClockWarningLevel): Promise<number> {
    let machineRefused = false;
    for (let attempt = 0; attempt < 20; attempt++) {
      const { doc } = await deps.store.load(d.caseId);
      // another scheduler may have published it already (and its expiry may have ended the clock)
      const seen = await alreadyPublished(d, level);
      if (seen !== undefined) return seen;
      const active = doc.clocks.find((c) => c.clock === d.clock);
      if (!active || new Date(active.startedAt).getTime() !== new Date(d.startedAt).getTime()) return -1;
      try {
        const data = { clock: d.clock, clockRunId: d._id, dueAt: d.dueAt.toISOString(), level };
        if (level !== 'breach' || machineRefused) {
          const after = await deps.store.record(d.caseId, SYSTEM_ACTOR, CLOCK_WARNING, data);
          return after.seq;
        }
        // The expiry is a machine event: it moves the case (lapse, failure, reassignment…).
        const after = await deps.store.transition(d.caseId, SYSTEM_ACTOR, {
          type: 'DEADLINE',
          clock: d.clock as ClockId,
          ...({ clockRunId: d._id, dueAt: data.dueAt, level } as object),
        });
        return after.seq;
      } catch (err) {
        if (err instanceof DomainError && err.extra.code === 'seqConflict') continue;
        if (err instanceof DomainError && err.extra.code === 'notAllowedNow' && !machineRefused) {
          // the machine has no transition for this expiry here: record the breach as a warning
          deps.logger.warn({ clockRun: d._id }, 'the machine does not accept this clock expiry now');
          machineRefused = true;
          continue;
        }
        throw err;
      }
    }
    throw new Error(`could not publish ${level} of ${d._id}: too many concurrent changes`);
  }

  async function processClockRun(d: ClockRunDoc, now: Date): Promise<number> {
    const due: ClockWarningLevel[] = [];
    if (d.done.warning50 === undefined && d.warnAt50 <= now) due.push('warning50');
    if (d.done.warning80 === undefined && d.warnAt80 <= now) due.push('warning80');
    if (d.done.breach === undefined && d.dueAt <= now) due.push('breach');
    if (due.length === 0) return 0;
    // After downtime only the highest level that came due is published; the lower ones are moot.
    const highest = due[due.length - 1] as ClockWarningLevel;
    const done = { ...d.done };
    for (const level of due) if (level !== highest) done[level] = 0;
    const seq = await publish(d, highest);
    if (seq < 0) {
      await ClockRuns.updateOne({ _id: d._id }, { $set: { state: 'cancelled', nextAt: null } });
      return 0;
    }
    done[highest] = seq;
    const next = nextAt(d, d.dueAt, done);
    await ClockRuns.updateOne(
      { _id: d._id },
      { $set: { done, nextAt: next, state: highest === 'breach' ? 'fired' : 'pending' } },
    );
    return 1;
  }

  async function tick(opts: { caseId?: string } = {}): Promise<number> {
    const now = deps.now();
    let published = 0;
    for (;;) {
      // every due clock run by the {state, nextAt} index, or one case's by its caseId index (an
      // index serves a filter only when its fields are exactly the index's leading ones)
      const due =
        opts.caseId === undefined
          ? await ClockRuns.find({ state: 'pending', nextAt: { $lte: now } })
              .sort({ nextAt: 1 })
              .limit(100)
              .lean<ClockRunDoc[]>()
          : (await ClockRuns.find({ caseId: opts.caseId }).lean<ClockRunDoc[]>())
              .filter((d) => d.state === 'pending' && d.nextAt !== null && d.nextAt <= now)
              .sort((a, b) => (a.nextAt as Date).getTime() - (b.nextAt as Date).getTime());
      if (due.length === 0) break;
      for (const d of due) {
        try {
          published += await processClockRun(d, now);
        } catch (err) {
          deps.logger.error({ err, clockRun: d._id }, 'processing a clock run failed');
          await ClockRuns.updateOne({ _id: d._id }, { $set: { nextAt: new Date(now.getTime() + 60_000) } });
        }
      }
      if (due.length < 100) break;
    }
    return published;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((err: unknown) => {
          deps.logger.error({ err }, 'clock scheduler pass failed');
          return 0;
        })
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, deps.intervalMs ?? 1000);
    timer.unref();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      running = tick()
        .catch((err: unknown) => {
          deps.logger.error({ err }, 'clock scheduler pass failed');
          return 0;
        })
        .finally(() => {
          running = undefined;
          schedule();
        });
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    tick,
  };
}
