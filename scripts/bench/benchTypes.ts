/** One measured figure of a benchmark run. */
export interface BenchFigure {
  name: string;
  /** Median and 99th percentile latency of one operation, ms. */
  p50Ms: number;
  p99Ms: number;
  /** Operations per second (mean throughput). */
  opsPerSec: number;
  samples: number;
}

/** A group of figures measured side by side, with the ratios that compare them. */
export interface BenchSection {
  title: string;
  description: string;
  figures: BenchFigure[];
  ratios: { name: string; value: number; explanation: string }[];
}
