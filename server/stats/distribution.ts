const DAY_MS = 86_400_000;

/**
 * The `p`th percentile (0–100) of `values`, interpolating linearly between the two closest ranks
 * (NumPy's default and spreadsheets' PERCENTILE.INC); `null` when there are no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`A percentile is between 0 and 100, got ${p}`);
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('Percentiles need finite numbers');
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lower = sorted[Math.floor(rank)] as number;
  const upper = sorted[Math.ceil(rank)] as number;
  return lower + (upper - lower) * (rank - Math.floor(rank));
}

/** The median of `values` (the mean of the two middle values when their count is even); `null` when empty. */
export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

/** Days (fractional) from `from` to `to`. */
export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}

/** `value` rounded to `decimals` places (`null` stays `null`). */
export function roundTo(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
