import {
  ActionIcon,
  Badge,
  Button,
  Drawer,
  Group,
  Indicator,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationView } from '../../../shared/notifications/notificationView.js';
import { formatDateTime } from '../i18n/format.js';
import { notificationText } from './notificationText.js';
import { unreadOf, useMarkAllRead, useMarkRead, useNotifications } from './notificationsApi.js';

/** The header's bell: the unread count (live over Socket.IO) and a drawer of notifications linking to their cases. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = unreadOf(list.data);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const open = (n: NotificationView) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpened(false);
    void navigate(`/cases/${encodeURIComponent(n.caseId)}`);
  };

  return (
    <>
      <Indicator
        label={unread > 99 ? '99+' : unread}
        size={18}
        color="red"
        disabled={unread === 0}
        offset={6}
        data-testid="notification-count"
      >
        <ActionIcon
          variant="subtle"
          size="lg"
          onClick={() => setOpened(true)}
          aria-label={
            unread > 0 ? t('notifications.openWithCount', { count: unread }) : t('notifications.open')
          }
          data-testid="notification-bell"
        >
          <IconBell size={20} stroke={1.7} />
        </ActionIcon>
      </Indicator>
      <Drawer
        opened={opened}
        onClose={() => setOpened(false)}
        position="right"
        size="md"
        title={
          <Group gap="xs">
            <Text fw={700}>{t('notifications.title')}</Text>
            {unread > 0 && (
              <Badge color="red" variant="light">
                {unread}
              </Badge>
            )}
          </Group>
        }
      >
        <Stack gap="xs" data-testid="notification-list">
          {unread > 0 && (
            <Group justify="flex-end">
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconChecks size={14} />}
                onClick={() => markAll.mutate()}
                loading={markAll.isPending}
              >
                {t('notifications.markAll')}
              </Button>
            </Group>
          )}
          {items.length === 0 && !list.isLoading && (
            <Text c="dimmed" size="sm">
              {t('notifications.empty')}
            </Text>
          )}
          {items.map((n) => (
            <UnstyledButton
              key={n.id}
              onClick={() => open(n)}
              data-testid="notification-item"
              data-unread={n.readAt ? undefined : 'true'}
              style={{
                borderRadius: 8,
                padding: '10px 12px',
                border: '1px solid var(--mantine-color-gray-3)',
                background: n.readAt ? undefined : 'var(--mantine-color-indigo-0)',
              }}
            >
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" fw={600}>
                  {t(`notifications.kind.${n.kind}`)} · {n.caseNo}
                </Text>
                {!n.readAt && (
                  <Badge size="xs" color="indigo">
                    {t('notifications.unread')}
                  </Badge>
                )}
              </Group>
              <Text size="sm" lineClamp={1} c="dimmed">
                {n.title}
              </Text>
              <Text size="sm" lineClamp={2}>
                {notificationText(n, t, i18n.language)}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(n.createdAt, i18n.language)}
              </Text>
            </UnstyledButton>
          ))}
          {list.hasNextPage && (
            <Button
              variant="light"
              onClick={() => void list.fetchNextPage()}
              loading={list.isFetchingNextPage}
            >
              {t('notifications.more')}
            </Button>
          )}
        </Stack>
      </Drawer>
    </>
  );
}
