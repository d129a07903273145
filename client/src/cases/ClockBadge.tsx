import { Badge, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ClockView } from '../../../shared/api/views.js';
import { formatDateTime, formatDuration } from '../i18n/format.js';
import { clockLabel } from '../i18n/labels.js';
import { CLOCK_COLORS, liveClock } from './clockState.js';

/** "due …", or "due about … (estimate)" where the holiday schedule is not yet published. */
function dueText(clock: ClockView, t: TFunction, language: string): string {
  const at = formatDateTime(clock.dueAt, language);
  return clock.estimated ? t('clock.dueEstimated', { at }) : t('clock.due', { at });
}

/** A clock counting down, coloured on track / past 50% / past 80% / breached. */
export function ClockBadge({
  clock,
  now,
  showLabel = true,
}: {
  clock: ClockView;
  now: number;
  showLabel?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { status, remainingMs } = liveClock(clock, now);
  const left =
    remainingMs >= 0
      ? t('clock.left', { duration: formatDuration(remainingMs, i18n.language) })
      : t('clock.overdue', { duration: formatDuration(remainingMs, i18n.language) });
  const label = clockLabel(clock.clock, i18n.language);
  return (
    <Tooltip
      label={`${label} · ${t(`vocab.clockStatus.${status}`)} · ${dueText(clock, t, i18n.language)}${clock.estimated ? ` · ${t('clock.estimatedNote')}` : ''}`}
      withArrow
      multiline
      maw={360}
    >
      <Badge
        color={CLOCK_COLORS[status]}
        variant={status === 'breached' ? 'filled' : 'light'}
        leftSection={<IconClock size={12} />}
        radius="sm"
        tt="none"
        fw={550}
        data-clock-status={status}
        data-clock-estimated={clock.estimated ? 'true' : undefined}
        style={{ maxWidth: '100%' }}
      >
        {clock.estimated ? '≈ ' : ''}
        {showLabel ? `${label} · ${left}` : left}
      </Badge>
    </Tooltip>
  );
}

/** A clock as a labelled progress bar (case page). */
export function ClockBar({ clock, now }: { clock: ClockView; now: number }) {
  const { t, i18n } = useTranslation();
  const { status, remainingMs, fraction } = liveClock(clock, now);
  return (
    <Stack gap={4} data-clock-status={status}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={550} lineClamp={1}>
          {clockLabel(clock.clock, i18n.language)}
        </Text>
        <Badge color={CLOCK_COLORS[status]} variant="light" radius="sm" tt="none" style={{ flexShrink: 0 }}>
          {t(`vocab.clockStatus.${status}`)}
        </Badge>
      </Group>
      <Progress value={fraction * 100} color={CLOCK_COLORS[status]} size="sm" radius="xl" aria-hidden />
      <Group justify="space-between" gap="xs">
        <Text size="xs" c={status === 'breached' ? 'red' : 'dimmed'} fw={status === 'breached' ? 600 : 400}>
          {remainingMs >= 0
            ? t('clock.left', { duration: formatDuration(remainingMs, i18n.language) })
            : t('clock.overdue', { duration: formatDuration(remainingMs, i18n.language) })}
        </Text>
        {clock.estimated ? (
          <Tooltip label={t('clock.estimatedNote')} withArrow multiline maw={360}>
            <Text size="xs" c="dimmed" td="underline dotted" data-clock-estimated="true">
              {dueText(clock, t, i18n.language)}
            </Text>
          </Tooltip>
        ) : (
          <Text size="xs" c="dimmed">
            {dueText(clock, t, i18n.language)}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
