/** A clock that tests move by hand. */
export interface ManualClock {
  now: () => Date;
  set(at: string | Date): void;
  advance(ms: number): void;
  advanceDays(days: number): void;
}

/** Creates a {@link ManualClock} starting at `start`. */
export function manualClock(start: string | Date): ManualClock {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set(at) {
      t = new Date(at).getTime();
    },
    advance(ms) {
      t += ms;
    },
    advanceDays(days) {
      t += days * 24 * 3600 * 1000;
    },
  };
}
