/** Outcome figures of one channel and track, or hidden when too few cases closed to publish them. */
export interface PublicTrackFigures {
  channel: string;
  track: string;
  /** Cases of this channel and track closed in the period. */
  closed: number;
  /** Fewer than the minimum sample closed: the figures below are withheld (null). */
  hidden: boolean;
  /** Median days from filing to closing (1 decimal). */
  medianDays: number | null;
  /** 90th percentile of the same days (1 decimal). */
  p90Days: number | null;
}

/** One channel's settlement rate, or hidden below the minimum sample. */
export interface PublicChannelFigures {
  channel: string;
  /** Cases of the channel closed on the merits in the period. */
  closedOnMerits: number;
  hidden: boolean;
  /** Settled ÷ closed on the merits (3 decimals). */
  settlementRate: number | null;
}

/** The body of `GET /api/public/metrics`. */
export interface PublicMetricsView {
  /** Cases filed from this instant on are counted (a year back). */
  from: string;
  asOf: string;
  /** Fewest cases a published figure rests on (`PUBLIC_METRICS_MIN_SAMPLE`). */
  minSample: number;
  /** Cases filed in the period (counts are published whatever their size). */
  filed: number;
  closed: number;
  channels: PublicChannelFigures[];
  tracks: PublicTrackFigures[];
}
