import { Bench } from 'tinybench';
import type { BenchFigure } from './benchTypes.js';

/**
 * Measures several async operations side by side in one tinybench run (same process, same moment, so
 * their ratios hold on a noisy shared machine) and returns their figures in the order given.
 */
export async function measure(
  tasks: Record<string, () => unknown>,
  opts: { timeMs?: number; iterations?: number } = {},
): Promise<BenchFigure[]> {
  const bench = new Bench({ time: opts.timeMs ?? 3000, iterations: opts.iterations ?? 50, warmup: true });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  return bench.tasks.map((task) => {
    const r = task.result;
    if (r.state !== 'completed') {
      const reason = r.state === 'errored' ? `: ${r.error.message}` : '';
      throw new Error(`benchmark ${task.name} did not complete (${r.state}${reason})`);
    }
    return {
      name: task.name,
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      opsPerSec: r.throughput.mean,
      samples: r.latency.samplesCount,
    };
  });
}
