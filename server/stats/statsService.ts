import { LRUCache } from 'lru-cache';
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
import type { CaseStatsView } from '../../shared/api/statsView.js';

/** Closure reasons that end a case on the merits (the others: withdrawn, rejected, lapsed, transferred). */
export const MERITS_CLOSURE_REASONS: readonly ClosureReason[] = ['settled', 'awarded', 'judged', 'decided'];

/** The filing period the figures cover when the request names none: the last 365 days. */
export const DEFAULT_PERIOD_MS = 365 * 24 * 3600 * 1000;

/** Weeks in the `weekly` series. */
export const WEEKS_SHOWN = 12;

/** Dashboard figures over the cases a user may see as a whole. */
export interface StatsService {
  /** The figures of the user's scope (403 `DomainError` for roles without one), filtered by filing date. */
  stats(user: AuthUser, query: StatsQuery): Promise<CaseStatsView>;
  /** Forgets every figure served from memory (the next request of each scope counts again). */
  clear(): void;
}

/** The fields the figures read: one lean row per case. */
const FIGURE_FIELDS = {
  channel: 1,
  track: 1,
  status: 1,
  closureReason: 1,
  clocks: 1,
  filedAt: 1,
  resolvedAt: 1,
  closedAt: 1,
  outcome: 1,
} as const;

type FigureRow = Pick<
  CaseDoc,
  | 'channel'
  | 'track'
  | 'status'
  | 'closureReason'
  | 'clocks'
  | 'filedAt'
  | 'resolvedAt'
  | 'closedAt'
  | 'outcome'
>;

/** Zero for every id of a vocabulary, then the counts found (ids outside it are kept). */
const zeroFilled = (ids: readonly string[], counts: Map<string, number>): Record<string, number> => {
  const out: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  for (const [id, n] of counts) out[id] = n;
  return out;
};

/** Counts rows by a field's value (rows without one are left out). */
const countBy = (rows: readonly FigureRow[], value: (r: FigureRow) => string | null): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const v = value(r);
    if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
};

/**
 * Builds the stats service. The figures come from one read of the scope's cases filed in the period
 * (an organisation's by its `{orgId, open, filedAt}` index, open then closed, an admin's by `{filedAt}`), lean rows of the
 * fields they need, counted and measured here.
 */
export function createStatsService(deps: {
  cases: Model<CaseDoc>;
  now: () => Date;
  /** How long one scope's figures are served before they are counted again (0: count every time). */
  cacheSeconds?: number;
}): StatsService {
  const Cases = deps.cases;
  const ttl = (deps.cacheSeconds ?? 0) * 1000;
  /** Figures per scope and period; concurrent requests of one key share one count. */
  const cache =
    ttl > 0
      ? new LRUCache<string, CaseStatsView, { scope: ReturnType<typeof statsScopeOf>; query: StatsQuery }>({
          max: 1000,
          ttl,
          fetchMethod: (_key, _stale, { context }) => count(context.scope, context.query),
        })
      : undefined;

  async function count(
    { scope, filter }: ReturnType<typeof statsScopeOf>,
    query: StatsQuery,
  ): Promise<CaseStatsView> {
    const now = deps.now();
    // a filing period always bounds the read: a year back unless asked, by the {filedAt} indexes
    const from = query.from ?? new Date(now.getTime() - DEFAULT_PERIOD_MS);
    const filed: Record<string, Date> = { $gte: from };
    if (query.to) filed.$lt = query.to;
    // an organisation's cases by its {orgId, open, filedAt} index: the open ones' range, then the
    // closed ones' (the index leads with `open` so that the organisation's load is one equality)
    const rows =
      'orgId' in filter
        ? (
            await Promise.all(
              [true, false].map((open) =>
                Cases.find({ ...filter, open, filedAt: filed }, FIGURE_FIELDS).lean<FigureRow[]>(),
              ),
            )
          ).flat()
        : await Cases.find({ filedAt: filed }, FIGURE_FIELDS).lean<FigureRow[]>();
    const weeks = lastIsoWeeks(now, WEEKS_SHOWN);
    const since = (weeks[0] as { start: Date }).start;

    const byStatus = countBy(rows, (r) => r.status);
    const closedBy = countBy(rows, (r) => (r.status === 'closed' ? r.closureReason : null));
    const onTheMerits = (r: FigureRow) =>
      r.resolvedAt !== null &&
      (r.status === 'resolved' ||
        r.status === 'compliance' ||
        (r.status === 'closed' && MERITS_CLOSURE_REASONS.includes(r.closureReason as ClosureReason)));
    const resolved: ResolvedCase[] = rows.filter(onTheMerits).map((r) => ({
      channel: r.channel,
      track: r.track,
      filedAt: r.filedAt,
      resolvedAt: r.resolvedAt,
    })) as ResolvedCase[];
    const fastTrack = rows
      .filter((r) => r.track === 'fast')
      .map((r) => {
        const at = r.outcome?.at;
        return {
          filedAt: r.filedAt,
          decidedAt: typeof at === 'string' || at instanceof Date ? new Date(at) : null,
          closed: r.status === 'closed',
        };
      });
    const recent = rows.filter((r) => r.filedAt >= since || (r.closedAt !== null && r.closedAt >= since));

    const onMerits = MERITS_CLOSURE_REASONS.reduce((n, r) => n + (closedBy.get(r) ?? 0), 0);
    return {
      scope,
      filed: { from: from.toISOString(), to: query.to ? query.to.toISOString() : null },
      asOf: now.toISOString(),
      byChannel: zeroFilled(
        CHANNELS,
        countBy(rows, (r) => r.channel),
      ),
      byTrack: zeroFilled(
        TRACKS,
        countBy(rows, (r) => r.track),
      ),
      byStatus: zeroFilled(CASE_STATUSES, byStatus),
      resolution: resolutionFigures(resolved),
      settlementRate: onMerits === 0 ? null : roundTo((closedBy.get('settled') ?? 0) / onMerits, 4),
      clocksBreached: rows.filter((r) => r.clocks.some((c) => c.breached)).length,
      openCases: rows.length - (byStatus.get('closed') ?? 0),
      weekly: weeklyCounts(weeks, recent),
      fastTrack: fastTrackFigures(fastTrack, now),
    };
  }

  return {
    async stats(user, query) {
      const scoped = statsScopeOf(user);
      if (!cache) return count(scoped, query);
      const key = JSON.stringify([scoped.scope, query.from ?? null, query.to ?? null]);
      const figures = await cache.fetch(key, { context: { scope: scoped, query } });
      if (!figures) throw new Error('the stats cache returned nothing');
      return figures;
    },
    clear() {
      cache?.clear();
    },
  };
}
