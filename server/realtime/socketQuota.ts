/** Counts the open sockets of each user on this instance against a ceiling. */
export interface SocketQuota {
  /** Takes a place for one more socket of the user: the release function, or undefined when full. */
  acquire(userId: string): (() => void) | undefined;
  /** Open sockets of a user on this instance. */
  count(userId: string): number;
}

/**
 * A per-user socket ceiling kept in this instance's memory (with several instances, each counts its
 * own sockets, so an account may hold `max` sockets per instance). A place is released once, however
 * often its release function is called (a socket's disconnect and its connection's close both do).
 */
export function createSocketQuota(max: number): SocketQuota {
  const open = new Map<string, number>();
  return {
    acquire(userId) {
      const n = open.get(userId) ?? 0;
      if (n >= max) return undefined;
      open.set(userId, n + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(userId) ?? 1) - 1;
        if (left <= 0) open.delete(userId);
        else open.set(userId, left);
      };
    },
    count: (userId) => open.get(userId) ?? 0,
  };
}
