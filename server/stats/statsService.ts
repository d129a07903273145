import type { Model } from 'mongoose';
import { CASE_STATUSES, CHANNELS, TRACKS, type ClosureReason } from '../../shared/vocabulary.js';
import type { AuthUser } from '../auth/authUser.js';
import type { CaseDoc } from '../cases/caseModel.js';
import { roundTo } from './distribution.js';
import { fastTrackFigures } from './fastTrackFigures.js';
import { lastIsoWeeks, weeklyCounts } from './isoWeeks.js';
import { resolutionFigures, type ResolvedCase } from './resolutionFigures.js';
import type { StatsQuery } from './statsQuery.js';
import { statsScopeOf } from './statsScope.js';
import type { CaseStatsView } from './statsView.js';

/** Closure reasons that end a case on the merits (the others: withdrawn, rejected, lapsed, transferred). */
export const MERITS_CLOSURE_REASONS: readonly ClosureReason[] = ['settled', 'awarded', 'judged', 'decided'];

/** Weeks in the `weekly` series. */
export const WEEKS_SHOWN = 12;

/** Dashboard figures over the cases a user may see as a whole. */
export interface StatsService {
  /** The figures of the user's scope (403 `DomainError` for roles without one), filtered by filing date. */
  stats(user: AuthUser, query: StatsQuery): Promise<CaseStatsView>;
}

type Filter = Record<string, unknown>;

/** Combines filters with `$and`, leaving out empty ones (an empty `$and` is an error in MongoDB). */
const allOf = (...filters: Filter[]): Filter => {
  const parts = filters.filter((f) => Object.keys(f).length > 0);
  return parts.length === 0 ? {} : parts.length === 1 ? (parts[0] as Filter) : { $and: parts };
};

/** Zero for every id of a vocabulary, then the counts found (ids outside it are kept). */
const zeroFilled = (ids: readonly string[], counts: Map<string, number>): Record<string, number> => {
  const out: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  for (const [id, n] of counts) out[id] = n;
  return out;
};

/**
 * Builds the stats service. Counts are `$group`/`$sum` aggregations; medians and percentiles are
 * computed here, because the embedded engine has no other accumulators (docs/database.md).
 */
export function createStatsService(deps: { cases: Model<CaseDoc>; now: () => Date }): StatsService {
  const Cases = deps.cases;

  async function countBy(field: string, filter: Filter): Promise<Map<string, number>> {
    const rows = await Cases.aggregate<{ _id: string | null; n: number }>([
      { $match: filter },
      { $group: { _id: `$${field}`, n: { $sum: 1 } } },
    ]);
    return new Map(rows.filter((r) => r._id !== null).map((r) => [r._id as string, r.n]));
  }

  async function resolvedCases(base: Filter): Promise<ResolvedCase[]> {
    const onTheMerits = {
      resolvedAt: { $ne: null },
      $or: [
        { status: { $in: ['resolved', 'compliance'] } },
        { status: 'closed', closureReason: { $in: MERITS_CLOSURE_REASONS } },
      ],
    };
    return Cases.find(allOf(base, onTheMerits), { channel: 1, track: 1, filedAt: 1, resolvedAt: 1 }).lean<
      ResolvedCase[]
    >();
  }

  async function fastTrackCases(base: Filter) {
    const docs = await Cases.find(allOf(base, { track: 'fast' }), {
      filedAt: 1,
      status: 1,
      outcome: 1,
    }).lean<Pick<CaseDoc, 'filedAt' | 'status' | 'outcome'>[]>();
    return docs.map((d) => {
      const at = d.outcome?.at;
      return {
        filedAt: d.filedAt,
        decidedAt: typeof at === 'string' || at instanceof Date ? new Date(at) : null,
        closed: d.status === 'closed',
      };
    });
  }

  return {
    async stats(user, query) {
      const { scope, filter } = statsScopeOf(user);
      const filed: Filter = {};
      if (query.from) filed.$gte = query.from;
      if (query.to) filed.$lt = query.to;
      const base = allOf(filter, Object.keys(filed).length ? { filedAt: filed } : {});
      const now = deps.now();
      const weeks = lastIsoWeeks(now, WEEKS_SHOWN);
      const since = (weeks[0] as { start: Date }).start;

      const [byChannel, byTrack, byStatus, closedBy, clocksBreached, resolved, fastTrack, recent] =
        await Promise.all([
          countBy('channel', base),
          countBy('track', base),
          countBy('status', base),
          countBy('closureReason', allOf(base, { status: 'closed' })),
          Cases.countDocuments(allOf(base, { 'clocks.breached': true })),
          resolvedCases(base),
          fastTrackCases(base),
          Cases.find(allOf(base, { $or: [{ filedAt: { $gte: since } }, { closedAt: { $gte: since } }] }), {
            filedAt: 1,
            closedAt: 1,
          }).lean<Pick<CaseDoc, 'filedAt' | 'closedAt'>[]>(),
        ]);

      const total = [...byStatus.values()].reduce((a, b) => a + b, 0);
      const onMerits = MERITS_CLOSURE_REASONS.reduce((n, r) => n + (closedBy.get(r) ?? 0), 0);
      return {
        scope,
        byChannel: zeroFilled(CHANNELS, byChannel),
        byTrack: zeroFilled(TRACKS, byTrack),
        byStatus: zeroFilled(CASE_STATUSES, byStatus),
        resolution: resolutionFigures(resolved),
        settlementRate: onMerits === 0 ? null : roundTo((closedBy.get('settled') ?? 0) / onMerits, 4),
        clocksBreached,
        openCases: total - (byStatus.get('closed') ?? 0),
        weekly: weeklyCounts(weeks, recent),
        fastTrack: fastTrackFigures(fastTrack, now),
      };
    },
  };
}
