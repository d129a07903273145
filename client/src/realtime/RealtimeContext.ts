import { createContext } from 'react';
import type { CaseFeeds } from './caseFeeds.js';
import type { AppSocket } from './socket.js';

/** The session's socket and its case feeds (null when signed out). */
export interface Realtime {
  socket: AppSocket;
  feeds: CaseFeeds;
}

/** Context of {@link Realtime}. */
export const RealtimeContext = createContext<Realtime | null>(null);
