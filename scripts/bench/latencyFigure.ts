import type { BenchFigure } from './benchTypes.js';

/** The value at quantile `p` (0…1) of ascending `sorted` samples; 0 when there are none. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** A report row from raw latency samples (ms): median, p99, the given rate and the sample count. */
export function latencyFigure(name: string, samples: number[], opsPerSec: number): BenchFigure {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    opsPerSec,
    samples: samples.length,
  };
}
