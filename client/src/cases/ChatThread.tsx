import { Box, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../api/types.js';
import { formatDateTime } from '../i18n/format.js';
import { EmptyBlock } from '../ui/EmptyBlock.js';

/** The messages of one conversation, oldest first, scrolled to the newest. */
export function ChatThread({
  messages,
  userId,
  height,
}: {
  messages: MessageView[];
  userId: string;
  height: number;
}) {
  const { t, i18n } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  const last = messages[messages.length - 1]?.id;
  useEffect(() => {
    viewport.current?.scrollTo({ top: viewport.current.scrollHeight });
  }, [last]);

  if (messages.length === 0) {
    return (
      <Box h={height}>
        <EmptyBlock compact title={t('messages.empty')} description={t('messages.emptyHint')} />
      </Box>
    );
  }
  return (
    <ScrollArea h={height} viewportRef={viewport} type="auto" offsetScrollbars>
      <Stack gap="sm" p="xs" role="log" aria-live="polite" aria-label={t('messages.log')}>
        {messages.map((m) => {
          const mine = m.author.id === userId;
          return (
            <Group key={m.id} justify={mine ? 'flex-end' : 'flex-start'} wrap="nowrap" data-message-id={m.id}>
              <Box maw="78%">
                <Text size="xs" c="dimmed" ta={mine ? 'right' : 'left'} mb={2}>
                  {mine
                    ? t('actions.event.you')
                    : `${m.author.name} · ${t(`vocab.role.${m.author.role}`, { defaultValue: m.author.role })}`}
                  {' · '}
                  {formatDateTime(m.createdAt, i18n.language)}
                </Text>
                <Box
                  px="sm"
                  py={8}
                  style={{
                    borderRadius: 12,
                    background: mine ? 'var(--mantine-color-indigo-6)' : 'var(--mantine-color-gray-1)',
                    color: mine ? 'white' : 'var(--mantine-color-dark-7)',
                    whiteSpace: 'pre-wrap',
                    wordBreak: 'break-word',
                  }}
                >
                  <Text size="sm" inherit>
                    {m.body}
                  </Text>
                </Box>
              </Box>
            </Group>
          );
        })}
      </Stack>
    </ScrollArea>
  );
}
