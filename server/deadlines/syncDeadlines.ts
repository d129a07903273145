import type { Model } from 'mongoose';
import { computeWarnings } from '../../shared/case/clocks.js';
import type { ClockId } from '../../shared/case/clockIds.js';
import type { CaseDoc } from '../cases/caseModel.js';
import { isDuplicateKeyError } from '../db/duplicateKeyError.js';
import type { DeadlineDoc } from './deadlineModel.js';

/** The stored id of a clock run: the same clock started at the same instant is the same deadline. */
export function deadlineId(caseId: string, clock: string, startedAt: Date): string {
  return `${caseId}:${clock}:${startedAt.getTime()}`;
}

/**
 * Makes the stored deadlines of a case match the clocks its projection runs: new clock runs are
 * inserted (idempotent by id), runs whose state was left are cancelled, an extended clock gets its
 * new due date. Safe to repeat at any time.
 *
 * With `previousClocks` (the clocks before the event just appended) the pending deadlines are read
 * by id, which the embedded engine answers from its primary key; without them (a repair) every
 * pending deadline of the case is looked up. A pending deadline missed either way is harmless: the
 * scheduler cancels a deadline whose clock no longer runs when it comes due.
 */
export async function syncDeadlines(
  Deadlines: Model<DeadlineDoc>,
  caseDoc: CaseDoc,
  previousClocks?: CaseDoc['clocks'],
): Promise<void> {
  const running = caseDoc.status === 'closed' ? [] : caseDoc.clocks;
  const wanted = new Map(running.map((c) => [deadlineId(caseDoc._id, c.clock, new Date(c.startedAt)), c]));
  const pending = previousClocks
    ? await pendingByIds(Deadlines, [
        ...new Set([
          ...wanted.keys(),
          ...previousClocks.map((c) => deadlineId(caseDoc._id, c.clock, new Date(c.startedAt))),
        ]),
      ])
    : (await Deadlines.find({ caseId: caseDoc._id }).lean<DeadlineDoc[]>()).filter(
        (d) => d.state === 'pending',
      );

  for (const d of pending) {
    const clock = wanted.get(d._id);
    if (!clock) {
      // by id alone (d was read pending just now; a clock that left its state is not fired anyway)
      await Deadlines.updateOne({ _id: d._id }, { $set: { state: 'cancelled', nextAt: null } });
    } else if (new Date(clock.dueAt).getTime() !== new Date(d.dueAt).getTime()) {
      const w = warningTimes(clock.clock, clock.startedAt, clock.dueAt);
      await Deadlines.updateOne(
        { _id: d._id },
        { $set: { dueAt: clock.dueAt, ...w, nextAt: nextAt(w, clock.dueAt, d.done) } },
      );
    }
  }
  const known = new Set(pending.map((d) => d._id));
  for (const [id, clock] of wanted) {
    if (known.has(id)) continue;
    const w = warningTimes(clock.clock, clock.startedAt, clock.dueAt);
    try {
      await Deadlines.create({
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
      });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // the same clock run (same clock, same start) is running again: revive it if it was cancelled
      const existing = await Deadlines.findById(id, { state: 1 }).lean();
      if (existing?.state === 'cancelled') {
        await Deadlines.updateOne(
          { _id: id },
          { $set: { state: 'pending', dueAt: clock.dueAt, ...w, nextAt: nextAt(w, clock.dueAt, {}) } },
        );
      }
    }
  }
}

/** The pending deadlines among these ids, each read by its id. */
async function pendingByIds(Deadlines: Model<DeadlineDoc>, ids: string[]): Promise<DeadlineDoc[]> {
  const found = await Promise.all(ids.map((id) => Deadlines.findById(id).lean<DeadlineDoc>()));
  return found.filter((d): d is DeadlineDoc => d?.state === 'pending');
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
