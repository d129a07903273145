import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeMessage } from '../api/messages.js';
import { queryKeys } from '../api/queryKeys.js';
import { refreshUser } from '../auth/authApi.js';
import { useSession } from '../auth/useSession.js';
import { clockLabel } from '../i18n/labels.js';
import { createCaseFeeds } from './caseFeeds.js';
import { assignmentStore, connectionStore, noteTyping, presenceStore, typingStore } from './liveStores.js';
import { RealtimeContext, type Realtime } from './RealtimeContext.js';
import { createSocket } from './socket.js';

/**
 * One Socket.IO connection per signed-in session. Pushes invalidate or update React Query data:
 * queue changes refresh lists, case events merge into timelines, messages into chats.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const token = session?.token ?? null;
  const qc = useQueryClient();
  const { t, i18n } = useTranslation();
  // one socket per session: a new token (sign-in) makes a new one
  const realtime = useMemo<Realtime | null>(() => {
    if (!token) return null;
    const socket = createSocket(token);
    return { socket, feeds: createCaseFeeds(socket, qc) };
  }, [token, qc]);

  useEffect(() => {
    if (!realtime) return;
    const { socket, feeds } = realtime;
    connectionStore.set('socket', 'connecting');

    socket.on('connect', () => {
      connectionStore.set('socket', 'connected');
      feeds.resubscribeAll();
      // anything may have changed while we were away
      void qc.invalidateQueries({ queryKey: queryKeys.caseLists });
    });
    socket.on('disconnect', () => connectionStore.set('socket', 'connecting'));
    socket.on('connect_error', (err) => {
      connectionStore.set('socket', 'offline');
      if (err.message.startsWith('unauthorized')) void refreshUser().catch(() => undefined);
    });
    socket.on('case:event', (push) => feeds.onEvent(push));
    socket.on('queue:changed', (push) => {
      void qc.invalidateQueries({ queryKey: queryKeys.caseLists });
      void qc.invalidateQueries({ queryKey: queryKeys.case(push.caseId), exact: true });
      void qc.invalidateQueries({ queryKey: queryKeys.caseActions(push.caseId) });
      void qc.invalidateQueries({ queryKey: queryKeys.stats });
    });
    socket.on('assignment:new', (push) => {
      assignmentStore.set('recent', [push.caseId, ...(assignmentStore.get('recent') ?? [])].slice(0, 20));
      void qc.invalidateQueries({ queryKey: queryKeys.caseLists });
      notifications.show({
        id: `assignment-${push.caseId}`,
        color: 'indigo',
        title: t('live.assignmentTitle'),
        message: t('live.assignmentBody', { caseNo: push.caseNo, title: push.title }),
        autoClose: 8000,
      });
    });
    socket.on('deadline:warning', (push) => {
      void qc.invalidateQueries({ queryKey: queryKeys.caseLists });
      void qc.invalidateQueries({ queryKey: queryKeys.case(push.caseId), exact: true });
      notifications.show({
        color: push.level === 'breach' ? 'red' : push.level === 'warning80' ? 'orange' : 'yellow',
        title: t('live.deadlineTitle'),
        message: t('live.deadlineBody', {
          clock: clockLabel(push.kind, i18n.language),
          level: t(`vocab.warningLevel.${push.level}`),
        }),
        autoClose: 10000,
      });
    });
    socket.on('message:new', (message) => mergeMessage(qc, message));
    socket.on('presence:changed', (push) => presenceStore.set(push.caseId, push.online));
    socket.on('message:typing', (push) => noteTyping(push));

    socket.connect();
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
      connectionStore.set('socket', 'offline');
      presenceStore.clear();
      typingStore.clear();
      assignmentStore.clear();
    };
    // t and i18n are stable for the life of the socket; the language is read when a push arrives
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [realtime, qc]);

  return <RealtimeContext.Provider value={realtime}>{children}</RealtimeContext.Provider>;
}
