import type { Connection } from 'mongoose';
import type { ClientSession } from 'mongodb';
import { computeWarnings } from '../../shared/case/clocks.js';
import type { ClockId } from '../../shared/case/clockIds.js';
import type { CaseDoc } from '../cases/caseModel.js';
import { deadlineModel, type DeadlineDoc } from './deadlineModel.js';

/** The stored id of a clock run: the same clock started at the same instant is the same deadline. */
export function deadlineId(caseId: string, clock: string, startedAt: Date): string {
  return `${caseId}:${clock}:${startedAt.getTime()}`;
}

/**
 * Makes the stored deadlines of a case match the clocks its projection runs: new clock runs are
 * inserted, runs whose state was left are cancelled, an extended clock gets its new due date. Safe to
 * repeat at any time; with `session` it writes inside the event's own transaction.
 *
 * With `previousClocks` (the clocks before the event just appended, already synced by its commit)
 * only the clock runs that started, stopped or moved are read and written, each by its id (the
 * primary key): an event that leaves the clocks as they were costs nothing here. Without them (a
 * repair) every deadline of the case is read by the `{caseId}` index. A pending deadline missed either
 * way is harmless: the scheduler cancels a deadline whose clock no longer runs when it comes due.
 */
export async function syncDeadlines(
  db: Connection,
  caseDoc: CaseDoc,
  previousClocks?: CaseDoc['clocks'],
  session?: ClientSession,
): Promise<void> {
  const Deadlines = deadlineModel(db);
  const running = caseDoc.status === 'closed' ? [] : caseDoc.clocks;
  const idOf = (c: CaseDoc['clocks'][number]) => deadlineId(caseDoc._id, c.clock, new Date(c.startedAt));
  const wanted = new Map(running.map((c) => [idOf(c), c]));
  const opts = session ? { session } : {};
  let stored: DeadlineDoc[];
  /** The clock runs to look at: all of them for a repair, else those that started, stopped or moved. */
  let looked: Set<string> = new Set(wanted.keys());
  if (previousClocks) {
    const before = new Map(previousClocks.map((c) => [idOf(c), new Date(c.dueAt).getTime()]));
    const changed = new Set<string>();
    for (const [id, c] of wanted) if (before.get(id) !== new Date(c.dueAt).getTime()) changed.add(id);
    for (const id of before.keys()) if (!wanted.has(id)) changed.add(id);
    if (changed.size === 0) return;
    looked = changed;
    const found = await Promise.all(
      [...changed].map((id) => Deadlines.findById(id, null, opts).lean<DeadlineDoc>()),
    );
    stored = found.filter((d): d is DeadlineDoc => d !== null);
  } else {
    stored = await Deadlines.find({ caseId: caseDoc._id }, null, opts).lean<DeadlineDoc[]>();
  }

  for (const d of stored) {
    const clock = wanted.get(d._id);
    if (!clock) {
      if (d.state === 'pending') {
        await Deadlines.updateOne({ _id: d._id }, { $set: { state: 'cancelled', nextAt: null } }, opts);
      }
    } else if (d.state === 'cancelled') {
      // the same clock run (same clock, same start) is running again: revive it
      const w = warningTimes(clock.clock, clock.startedAt, clock.dueAt);
      await Deadlines.updateOne(
        { _id: d._id },
        { $set: { state: 'pending', dueAt: clock.dueAt, ...w, nextAt: nextAt(w, clock.dueAt, {}) } },
        opts,
      );
    } else if (d.state === 'pending' && new Date(clock.dueAt).getTime() !== new Date(d.dueAt).getTime()) {
      const w = warningTimes(clock.clock, clock.startedAt, clock.dueAt);
      await Deadlines.updateOne(
        { _id: d._id },
        { $set: { dueAt: clock.dueAt, ...w, nextAt: nextAt(w, clock.dueAt, d.done) } },
        opts,
      );
    }
  }
  const known = new Set(stored.map((d) => d._id));
  const added = [...wanted].filter(([id]) => looked.has(id) && !known.has(id));
  if (added.length === 0) return;
  await Deadlines.insertMany(
    added.map(([id, clock]) => {
      const w = warningTimes(clock.clock, clock.startedAt, clock.dueAt);
      return {
        _id: id,
        caseId: caseDoc._id,
        clock: clock.clock,
        startedAt: clock.startedAt,
        dueAt: clock.dueAt,
        ...w,
        done: {},
        state: clock.breached ? 'fired' : 'pending',
        nextAt: clock.breached ? null : nextAt(w, clock.dueAt, {}),
        fastTrack: caseDoc.track === 'fast' && caseDoc.channel === 'administrative',
      };
    }),
    opts,
  );
}

function warningTimes(clock: string, startedAt: Date, dueAt: Date): { warnAt50: Date; warnAt80: Date } {
  const warnings = computeWarnings(
    clock as ClockId,
    new Date(startedAt).toISOString(),
    new Date(dueAt).toISOString(),
  );
  const at = (level: string) => new Date(warnings.find((w) => w.level === level)?.at ?? dueAt);
  return { warnAt50: at('warning50'), warnAt80: at('warning80') };
}

/** The next instant a deadline needs the scheduler, given the levels already done. */
export function nextAt(
  w: { warnAt50: Date; warnAt80: Date },
  dueAt: Date,
  done: DeadlineDoc['done'],
): Date | null {
  if (done.warning50 === undefined) return w.warnAt50;
  if (done.warning80 === undefined) return w.warnAt80;
  if (done.breach === undefined) return dueAt;
  return null;
}
