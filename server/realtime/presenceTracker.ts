import type { PresenceUser } from '../../shared/realtime/contract.js';

/** A coalesced presence change of one case. */
export interface PresenceChange {
  caseId: string;
  joined: PresenceUser[];
  left: string[];
}

/** What the tracker is told and asks. */
export interface PresenceTrackerDeps {
  /** How long changes of a case are gathered before they go out, in milliseconds. */
  debounceMs: number;
  /** Sends a change (never empty). */
  announce(change: PresenceChange): void;
  /**
   * Of these users who have no socket on the case here, those who still have one on another
   * instance (with several instances); they did not leave.
   */
  onlineElsewhere?(caseId: string, userIds: string[]): Promise<Set<string>>;
}

/** This instance's view of who is on each case, fed by room joins and leaves. */
export interface PresenceTracker {
  /** A socket of a user joined the room of a case. */
  join(caseId: string, socketId: string, user: PresenceUser): void;
  /** A socket left the room of a case (unsubscribed, disconnected or removed). */
  leave(caseId: string, socketId: string): void;
  /** The users with a socket on the case on this instance. */
  online(caseId: string): PresenceUser[];
  /** Stops the timers; pending changes are dropped (the sockets are closing). */
  close(): void;
}

interface Member {
  user: PresenceUser;
  sockets: Set<string>;
}

/**
 * Presence as changes: a user comes online on a case with their first socket in its room and goes
 * offline with their last, so a second tab causes nothing. Changes of a case are gathered for
 * `debounceMs` and announced once: each user touched in the window in the state they are in at its
 * end (a user who came and went within it is announced as gone, which is harmless for a recipient
 * who never saw them and right for one whose subscribe ack did).
 */
export function createPresenceTracker(deps: PresenceTrackerDeps): PresenceTracker {
  const members = new Map<string, Map<string, Member>>();
  const pending = new Map<string, { timer: NodeJS.Timeout; touched: Map<string, PresenceUser> }>();

  function touch(caseId: string, user: PresenceUser): void {
    let entry = pending.get(caseId);
    if (!entry) {
      const timer = setTimeout(() => void flush(caseId), deps.debounceMs);
      timer.unref();
      entry = { timer, touched: new Map() };
      pending.set(caseId, entry);
    }
    entry.touched.set(user.id, user);
  }

  async function flush(caseId: string): Promise<void> {
    const entry = pending.get(caseId);
    if (!entry) return;
    pending.delete(caseId);
    clearTimeout(entry.timer);
    const here = members.get(caseId);
    const joined: PresenceUser[] = [];
    let left: string[] = [];
    for (const [id, user] of entry.touched) {
      if (here?.has(id)) joined.push(user);
      else left.push(id);
    }
    if (left.length > 0 && deps.onlineElsewhere) {
      const elsewhere = await deps.onlineElsewhere(caseId, left);
      left = left.filter((id) => !elsewhere.has(id));
    }
    if (joined.length > 0 || left.length > 0) deps.announce({ caseId, joined, left });
  }

  return {
    join(caseId, socketId, user) {
      let room = members.get(caseId);
      if (!room) members.set(caseId, (room = new Map()));
      const member = room.get(user.id);
      if (member) {
        member.sockets.add(socketId);
        return;
      }
      room.set(user.id, { user, sockets: new Set([socketId]) });
      touch(caseId, user);
    },
    leave(caseId, socketId) {
      const room = members.get(caseId);
      if (!room) return;
      for (const [userId, member] of room) {
        if (!member.sockets.delete(socketId)) continue;
        if (member.sockets.size === 0) {
          room.delete(userId);
          if (room.size === 0) members.delete(caseId);
          touch(caseId, member.user);
        }
        return;
      }
    },
    online(caseId) {
      return [...(members.get(caseId)?.values() ?? [])].map((m) => m.user);
    },
    close() {
      for (const entry of pending.values()) clearTimeout(entry.timer);
      pending.clear();
    },
  };
}
