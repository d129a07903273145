/** The dashboard figures (`GET /api/stats`), as server and client read them. */

/** Opened and closed counts of one week. */
export interface WeeklyCount {
  week: string;
  opened: number;
  closed: number;
}

/** Time to resolution of one channel and track. */
export interface ResolutionFigures {
  channel: string;
  track: string;
  /** Cases resolved on the merits. */
  resolved: number;
  /** Median days from filing to resolution (2 decimals). */
  medianDays: number | null;
  /** 90th percentile of the same days (2 decimals). */
  p90Days: number | null;
}

/** The protection centers' fast track against its 10-working-day target. */
export interface FastTrackFigures {
  /** Median days from filing to the determination (2 decimals), `null` before any. */
  medianDaysToDecision: number | null;
  targetWorkingDays: number;
  /** Fast-track cases decided after the target, or still undecided past it. */
  breaches: number;
}

/** The body of `GET /api/stats`. */
export interface CaseStatsView {
  /** Every case (admins), or one organisation's. */
  scope: 'all' | { orgId: string };
  /** The cases counted: those filed from `from` (a year back unless asked) until `to` (exclusive, or now). */
  filed: { from: string; to: string | null };
  /** When the figures were counted (they are served for up to `STATS_CACHE_SECONDS` after). */
  asOf: string;
  /** Cases by their current channel (every channel listed; cases not yet routed are not counted). */
  byChannel: Record<string, number>;
  byTrack: Record<string, number>;
  byStatus: Record<string, number>;
  resolution: ResolutionFigures[];
  /** Settled ÷ closed on the merits (4 decimals), `null` when none closed on the merits. */
  settlementRate: number | null;
  /** Cases with a breached clock. */
  clocksBreached: number;
  openCases: number;
  /** The last 12 ISO weeks (Beijing calendar), oldest first. */
  weekly: WeeklyCount[];
  fastTrack: FastTrackFigures;
}
