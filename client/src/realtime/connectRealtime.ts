/**
 * The session's socket and what its pushes do: queue changes refresh lists, case events merge into
 * timelines, messages into chats, assignments and clock warnings notify. Loaded on demand by
 * {@link RealtimeProvider} once someone is signed in, so the sign-in page does not carry the
 * Socket.IO client.
 */
import { notifications } from '@mantine/notifications';
import type { QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { mergeMessage } from '../api/messages.js';
import { queryKeys } from '../api/queryKeys.js';
import { refreshUser } from '../auth/authApi.js';
import { sessionStore } from '../auth/sessionStore.js';
import { mergeNotification } from '../notifications/notificationsApi.js';
import { notificationText } from '../notifications/notificationText.js';
import { clockLabel } from '../i18n/labels.js';
import { createCaseFeeds } from './caseFeeds.js';
import {
  applyPresence,
  assignmentStore,
  connectionStore,
  noteTyping,
  presenceStore,
  takeReadBeforeLive,
  typingStore,
} from './liveStores.js';
import type { Realtime } from './RealtimeContext.js';
import { createSocket } from './socket.js';

/** A connected session: its socket and feeds, and how to close them. */
export interface RealtimeConnection {
  realtime: Realtime;
  /** Disconnects and forgets what the pushes told (presence, typing, recent assignments). */
  close(): void;
}

/** Opens the socket of a session token and wires its pushes into the query cache and the live stores. */
export function connectRealtime(token: string, qc: QueryClient, i18n: I18n): RealtimeConnection {
  const socket = createSocket(token);
  const feeds = createCaseFeeds(socket, qc);
  const t = i18n.t.bind(i18n);
  connectionStore.set('socket', 'connecting');

  let reconnect = false;
  socket.on('connect', () => {
    connectionStore.set('socket', 'connected');
    feeds.resubscribeAll();
    // anything may have changed while we were away, or, before the first connection, for a list
    // that did not wait for it (lists read from now on are current)
    const readEarly = takeReadBeforeLive();
    if (reconnect || readEarly) void qc.invalidateQueries({ queryKey: queryKeys.caseLists });
    reconnect = true;
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
  socket.on('clock:warning', (push) => {
    void qc.invalidateQueries({ queryKey: queryKeys.caseLists });
    void qc.invalidateQueries({ queryKey: queryKeys.case(push.caseId), exact: true });
    notifications.show({
      color: push.level === 'breach' ? 'red' : push.level === 'warning80' ? 'orange' : 'yellow',
      title: t('live.clockWarningTitle'),
      message: t('live.clockWarningBody', {
        clock: clockLabel(push.kind, i18n.language),
        level: t(`vocab.warningLevel.${push.level}`),
      }),
      autoClose: 10000,
    });
  });
  socket.on('message:new', (message) => mergeMessage(qc, message));
  socket.on('notification:new', ({ notification, unread }) => {
    mergeNotification(qc, notification, unread);
    notifications.show({
      // an assignment is also pushed as `assignment:new`: one toast for both, whichever comes first
      id:
        notification.kind === 'assignment'
          ? `assignment-${notification.caseId}`
          : `notification-${notification.id}`,
      color: 'indigo',
      title: t(`notifications.kind.${notification.kind}`),
      message: `${notification.caseNo} · ${notificationText(notification, t, i18n.language)}`,
      autoClose: 6000,
    });
  });
  // signed out everywhere (from another device): this one too
  socket.on('session:ended', () => sessionStore.end('signedOut'));
  socket.on('presence:changed', (push) => applyPresence(push));
  socket.on('message:typing', (push) => noteTyping(push));

  socket.connect();
  return {
    realtime: { socket, feeds },
    close() {
      socket.removeAllListeners();
      socket.disconnect();
      connectionStore.set('socket', undefined);
      presenceStore.clear();
      typingStore.clear();
      assignmentStore.clear();
    },
  };
}
