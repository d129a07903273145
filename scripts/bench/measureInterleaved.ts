import type { BenchFigure } from './benchTypes.js';
import { latencyFigure } from './latencyFigure.js';

/**
 * Measures async operations in turn, one of each per round (after `warmup` rounds not counted), for
 * `timeMs` in all: on a shared machine a change of load falls on every operation alike, so their ratios
 * hold better than those of operations measured one after another. ops/s is 1 / mean latency.
 */
export async function measureInterleaved(
  tasks: Record<string, () => Promise<unknown>>,
  opts: { timeMs?: number; warmup?: number; minRounds?: number } = {},
): Promise<BenchFigure[]> {
  const entries = Object.entries(tasks);
  const samples = entries.map(() => [] as number[]);
  for (let round = 0; round < (opts.warmup ?? 10); round++) for (const [, run] of entries) await run();
  const end = Date.now() + (opts.timeMs ?? 3000) * entries.length;
  for (let round = 0; Date.now() < end || round < (opts.minRounds ?? 50); round++) {
    for (const [i, [, run]] of entries.entries()) {
      const t0 = performance.now();
      await run();
      samples[i]!.push(performance.now() - t0);
    }
  }
  return entries.map(([name], i) => {
    const mine = samples[i]!;
    const mean = mine.reduce((sum, ms) => sum + ms, 0) / mine.length;
    return latencyFigure(name, mine, 1000 / mean);
  });
}
