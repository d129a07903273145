import { LRUCache } from 'lru-cache';
import type { Model } from 'mongoose';
import { CHANNELS, TRACKS, type ClosureReason } from '../../shared/vocabulary.js';
import type { CaseDoc } from '../cases/caseModel.js';
import { daysBetween, median, percentile, roundTo } from '../stats/distribution.js';
import { DEFAULT_PERIOD_MS, MERITS_CLOSURE_REASONS } from '../stats/statsService.js';
import type { PublicMetricsView } from '../../shared/api/publicMetricsView.js';

/** Published outcome figures (social supervision of how the plan is carried out). */
export interface PublicMetrics {
  /** The figures of the cases filed in the last year, from memory for `cacheSeconds` after a count. */
  metrics(): Promise<PublicMetricsView>;
}

type Row = Pick<CaseDoc, 'channel' | 'track' | 'status' | 'closureReason' | 'filedAt' | 'closedAt'>;

/**
 * Builds the public metrics: one read of the year's cases by the `{filedAt, _id}` index (lean rows of
 * six fields), counted here; any figure resting on fewer than `minSample` cases is withheld, so no
 * published number can point at one party's case.
 */
export function createPublicMetrics(deps: {
  cases: Model<CaseDoc>;
  now: () => Date;
  cacheSeconds: number;
  minSample: number;
}): PublicMetrics {
  const { minSample } = deps;

  async function count(): Promise<PublicMetricsView> {
    const now = deps.now();
    const from = new Date(now.getTime() - DEFAULT_PERIOD_MS);
    const rows = await deps.cases
      .find(
        { filedAt: { $gte: from } },
        { channel: 1, track: 1, status: 1, closureReason: 1, filedAt: 1, closedAt: 1 },
      )
      .lean<Row[]>();
    const closed = rows.filter((r) => r.status === 'closed' && r.closedAt !== null && r.channel !== null);
    const days = (list: Row[]) => list.map((r) => daysBetween(r.filedAt, r.closedAt as Date));
    const tracks = CHANNELS.flatMap((channel) =>
      TRACKS.map((track) => {
        const group = closed.filter((r) => r.channel === channel && r.track === track);
        const hidden = group.length < minSample;
        return {
          channel,
          track,
          closed: group.length,
          hidden,
          medianDays: hidden ? null : roundTo(median(days(group)), 1),
          p90Days: hidden ? null : roundTo(percentile(days(group), 90), 1),
        };
      }),
    ).filter((t) => t.closed > 0);
    const channels = CHANNELS.map((channel) => {
      const onMerits = closed.filter(
        (r) => r.channel === channel && MERITS_CLOSURE_REASONS.includes(r.closureReason as ClosureReason),
      );
      const hidden = onMerits.length < minSample;
      const settled = onMerits.filter((r) => r.closureReason === 'settled').length;
      return {
        channel,
        closedOnMerits: onMerits.length,
        hidden,
        settlementRate: hidden ? null : roundTo(settled / onMerits.length, 3),
      };
    });
    return {
      from: from.toISOString(),
      asOf: now.toISOString(),
      minSample,
      filed: rows.length,
      closed: closed.length,
      channels,
      tracks,
    };
  }

  const ttl = deps.cacheSeconds * 1000;
  const cache =
    ttl > 0 ? new LRUCache<'all', PublicMetricsView>({ max: 1, ttl, fetchMethod: () => count() }) : undefined;
  return {
    async metrics() {
      if (!cache) return count();
      const figures = await cache.fetch('all');
      if (!figures) throw new Error('the public metrics cache returned nothing');
      return figures;
    },
  };
}
