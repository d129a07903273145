import type { Model } from 'mongoose';
import type { AuditKind } from '../../shared/admin/auditKinds.js';
import { auditIdFloor } from './auditEventId.js';
import type { AuditEventDoc } from './auditEventModel.js';

const HOUR_MS = 3600_000;
/** Back to this instant the windows reach at most (before any audit entry). */
const EPOCH = new Date('2000-01-01T00:00:00.000Z');

/** One equality of a declared `{field, _id}` index, or none (the `_id` index). */
export type AuditPrefix =
  { caseId: string } | { actorId: string } | { orgId: string } | { kind: AuditKind } | Record<string, never>;

/**
 * The newest entries matching `prefix` with `_id` in `[floor, ceiling)`, and `keep`, at least `need`
 * of them when there are: read window by window back from `ceiling`, each window four times the last
 * (an hour first), each one read by the index (the equality, then a range of `_id`), never read twice.
 * The embedded engine reads every match of a query before it applies a limit, so a page costs the
 * entries of the recent windows, not the whole history. Newest first.
 */
export async function readAuditWindows(
  Audit: Model<AuditEventDoc>,
  prefix: AuditPrefix,
  range: { floor: Date | undefined; ceiling: string },
  need: number,
  keep: (e: AuditEventDoc) => boolean,
): Promise<AuditEventDoc[]> {
  const floor = auditIdFloor(range.floor ?? EPOCH);
  let high = range.ceiling;
  let span = HOUR_MS;
  const found: AuditEventDoc[] = [];
  while (high > floor && found.length < need) {
    const highAt = Date.parse(high.slice(0, 24));
    const lowAt = Number.isNaN(highAt) ? EPOCH.getTime() : highAt - span;
    const low = lowAt <= Date.parse(floor) ? floor : auditIdFloor(new Date(lowAt));
    const rows = await Audit.find({ ...prefix, _id: { $gte: low, $lt: high } }).lean<AuditEventDoc[]>();
    rows.sort((a, b) => (a._id < b._id ? 1 : -1));
    for (const row of rows) if (keep(row)) found.push(row);
    high = low;
    span *= 4;
  }
  return found;
}
