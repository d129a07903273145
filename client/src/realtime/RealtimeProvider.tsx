import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/useSession.js';
import type { RealtimeConnection } from './connectRealtime.js';
import { connectionStore } from './liveStores.js';
import { RealtimeContext, type Realtime } from './RealtimeContext.js';

/** Loads the socket code (`connectRealtime.ts`, with the Socket.IO client) and opens a connection. */
function connect(token: string, qc: QueryClient, i18n: I18n): Promise<RealtimeConnection> {
  connectionStore.set('socket', 'connecting');
  return import('./connectRealtime.js').then(({ connectRealtime }) => connectRealtime(token, qc, i18n));
}

/** A connection opened before the first render, for the provider to take over. */
let early: { token: string; connection: Promise<RealtimeConnection> } | null = null;

/**
 * Opens the session's socket ahead of the first render (the app's start, when someone is signed
 * in), so it is connecting while the page's code loads; {@link RealtimeProvider} takes it over.
 */
export function openRealtimeEarly(token: string, qc: QueryClient, i18n: I18n): void {
  early = { token, connection: connect(token, qc, i18n) };
}

/** The connection opened early for this token, if any (one for another token is closed). */
function takeEarly(token: string | null): Promise<RealtimeConnection> | null {
  const taken = early;
  early = null;
  if (!taken) return null;
  if (taken.token === token) return taken.connection;
  void taken.connection.then(
    (c) => c.close(),
    () => undefined,
  );
  return null;
}

/**
 * One Socket.IO connection per signed-in session (a new token, after a sign-in, makes a new one).
 * The socket code loads on demand (`connectRealtime.ts`), so a signed-out visitor never fetches it;
 * until it is connected the context is null, as when signed out.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const token = session?.token ?? null;
  const qc = useQueryClient();
  const { i18n } = useTranslation();
  const [open, setOpen] = useState<{ token: string; realtime: Realtime } | null>(null);

  useEffect(() => {
    const opened = takeEarly(token);
    if (!token) return;
    let closed = false;
    let close: (() => void) | undefined;
    void (opened ?? connect(token, qc, i18n)).then(
      (connection) => {
        if (closed) {
          connection.close();
          return;
        }
        close = connection.close;
        setOpen({ token, realtime: connection.realtime });
      },
      () => {
        if (!closed) connectionStore.set('socket', 'offline');
      },
    );
    return () => {
      closed = true;
      if (close) close();
      else connectionStore.set('socket', undefined);
    };
    // i18n is one instance for the life of the app; the language is read when a push arrives
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, qc]);

  const realtime = open && open.token === token ? open.realtime : null;
  return <RealtimeContext.Provider value={realtime}>{children}</RealtimeContext.Provider>;
}
