/** The notification centre: the latest page, the unread count, marking read, and live pushes. */
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import type {
  NotificationPage,
  NotificationSettingsView,
  NotificationView,
} from '../../../shared/notifications/notificationView.js';
import { apiFetch } from '../api/http.js';

/** Query keys of the notification centre. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  settings: ['notifications', 'settings'] as const,
};

/** The user's notifications, newest first, a page at a time; `unread` is the latest count. */
export function useNotifications(enabled = true) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<NotificationPage>(
        `/api/notifications?limit=20${pageParam ? `&before=${encodeURIComponent(pageParam)}` : ''}`,
        { signal },
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    enabled,
  });
}

/** The unread count from the cached first page. */
export function unreadOf(data: InfiniteData<NotificationPage> | undefined): number {
  return data?.pages[0]?.unread ?? 0;
}

/** Puts a pushed notification at the top of the cached list, with the pushed unread count. */
export function mergeNotification(qc: QueryClient, notification: NotificationView, unread: number): void {
  qc.setQueryData<InfiniteData<NotificationPage>>(notificationKeys.list, (old) => {
    if (!old) return old;
    const [first, ...rest] = old.pages;
    if (!first) return old;
    if (old.pages.some((p) => p.items.some((n) => n.id === notification.id))) {
      return { ...old, pages: [{ ...first, unread }, ...rest] };
    }
    return { ...old, pages: [{ ...first, unread, items: [notification, ...first.items] }, ...rest] };
  });
}

/** Marks the cached notifications read (all, or one) with the server's unread count. */
function markCached(qc: QueryClient, unread: number, id?: string): void {
  const at = new Date().toISOString();
  qc.setQueryData<InfiniteData<NotificationPage>>(notificationKeys.list, (old) =>
    old
      ? {
          ...old,
          pages: old.pages.map((p, i) => ({
            ...p,
            unread: i === 0 ? unread : p.unread,
            items: p.items.map((n) =>
              !n.readAt && (id === undefined || n.id === id) ? { ...n, readAt: at } : n,
            ),
          })),
        }
      : old,
  );
}

/** Marks one notification read. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ unread: number }>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSuccess: ({ unread }, id) => markCached(qc, unread, id),
  });
}

/** Marks every notification read. */
export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ unread: number }>('/api/notifications/read-all', { method: 'POST' }),
    onSuccess: ({ unread }) => markCached(qc, unread),
  });
}

/** Reads the settings. */
export function useNotificationSettings() {
  return useQuery({
    queryKey: notificationKeys.settings,
    queryFn: ({ signal }) => apiFetch<NotificationSettingsView>('/api/notifications/settings', { signal }),
  });
}

/** Saves (part of) the settings. */
export function saveNotificationSettings(
  change: Partial<NotificationSettingsView>,
): Promise<NotificationSettingsView> {
  return apiFetch<NotificationSettingsView>('/api/notifications/settings', { method: 'PATCH', body: change });
}
