import { Badge, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RankedChannelView } from '../../../shared/api/views.js';
import { ReasonList } from './ReasonList.js';

/**
 * The routing recommendation: every channel ranked with its score and reasons, the top one marked.
 * Channels without a signal are folded into one line unless `showAll`.
 */
export function RecommendationList({
  ranked,
  showAll = false,
  chosen,
}: {
  ranked: readonly RankedChannelView[];
  showAll?: boolean;
  chosen?: string | null;
}) {
  const { t } = useTranslation();
  const top = ranked[0]?.score ?? 0;
  const max = Math.max(1, ...ranked.map((r) => r.score));
  const shown = showAll ? ranked : ranked.filter((r) => r.score > 0);
  const rest = showAll ? [] : ranked.filter((r) => r.score <= 0);
  return (
    <Stack gap="sm">
      {shown.map((r, i) => {
        const isTop = r.score === top && top > 0;
        return (
          <Paper
            key={r.channel}
            withBorder
            radius="md"
            p="sm"
            style={
              isTop
                ? {
                    borderColor: 'var(--mantine-color-indigo-4)',
                    background: 'var(--mantine-color-indigo-0)',
                  }
                : undefined
            }
            data-channel={r.channel}
          >
            <Group justify="space-between" wrap="nowrap" mb={6}>
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <Text fw={650} size="sm" c="dimmed" w={18} style={{ flexShrink: 0 }}>
                  {i + 1}
                </Text>
                <Text fw={650} size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {t(`vocab.channel.${r.channel}`)}
                </Text>
                {isTop && (
                  <Badge
                    color="indigo"
                    size="sm"
                    radius="sm"
                    leftSection={<IconStarFilled size={10} />}
                    tt="none"
                    style={{ flexShrink: 0 }}
                  >
                    {t('routing.recommended')}
                  </Badge>
                )}
                {chosen === r.channel && (
                  <Badge color="teal" size="sm" radius="sm" tt="none">
                    {t('routing.current')}
                  </Badge>
                )}
              </Group>
              <Group gap={8} wrap="nowrap" miw={96} maw={160} style={{ flex: 1, justifyContent: 'flex-end' }}>
                <Progress
                  value={(Math.max(0, r.score) / max) * 100}
                  size="sm"
                  radius="xl"
                  style={{ flex: 1 }}
                  color={isTop ? 'indigo' : 'gray'}
                  aria-hidden
                />
                <Text size="xs" c="dimmed" miw={40} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {t('routing.score', { score: r.score })}
                </Text>
              </Group>
            </Group>
            <ReasonList reasons={r.reasons} size="xs" />
          </Paper>
        );
      })}
      {rest.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('routing.noSignal', {
            channels: rest.map((r) => t(`vocab.channel.${r.channel}`)).join(t('common.listSeparator')),
          })}
        </Text>
      )}
    </Stack>
  );
}
