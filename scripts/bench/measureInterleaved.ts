import type { BenchFigure } from './benchTypes.js';
import { latencyFigure } from './latencyFigure.js';

/** The indexes 0…n-1 in a random order (Fisher–Yates). */
function shuffled(n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * Measures async operations in turn, one of each per round in a new random order (after `warmup`
 * rounds not counted), for `timeMs` per operation in all: on a shared machine a change of load falls on
 * every operation alike, and what one operation leaves the engine doing after its reply falls on each
 * of the others equally often, so their ratios hold better than those of operations measured one after
 * another. ops/s is 1 / mean latency.
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
    for (const i of shuffled(entries.length)) {
      const t0 = performance.now();
      await entries[i]![1]();
      samples[i]!.push(performance.now() - t0);
    }
  }
  return entries.map(([name], i) => {
    const mine = samples[i]!;
    const mean = mine.reduce((sum, ms) => sum + ms, 0) / mine.length;
    return latencyFigure(name, mine, 1000 / mean);
  });
}
