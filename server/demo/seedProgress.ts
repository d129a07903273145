import { Presets, SingleBar } from 'cli-progress';

/** Reports the progress of seeding demo cases. */
export interface SeedProgress {
  update(done: number): void;
  stop(): void;
}

/**
 * A progress bar on `stream` (stderr by default) when it is a terminal; otherwise `log` is called at
 * about every tenth of the way, so redirected output and log collectors get a few lines, not a bar.
 */
export function seedProgress(
  total: number,
  log: (done: number, total: number) => void,
  stream: NodeJS.WriteStream = process.stderr,
): SeedProgress {
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        format: 'demo cases [{bar}] {percentage}% {value}/{total} | {duration}s',
        stream,
        hideCursor: true,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  const every = Math.max(1, Math.ceil(total / 10));
  let next = every;
  return {
    update(done) {
      if (done < next && done !== total) return;
      log(done, total);
      while (next <= done) next += every;
    },
    stop() {},
  };
}
