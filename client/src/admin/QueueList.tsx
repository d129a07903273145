import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseSummaryView } from '../../../shared/api/views.js';
import { stageText } from '../cases/CaseBadges.js';
import { ClockBadge } from '../cases/ClockBadge.js';
import { nextClock } from '../cases/clockState.js';
import { formatDateTime } from '../i18n/format.js';

/** A selectable list of cases (the left column of the desk). */
export function QueueList({
  cases,
  selected,
  onSelect,
  now,
  label,
}: {
  cases: CaseSummaryView[];
  selected: string | null;
  onSelect: (id: string) => void;
  now: number;
  label: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={6} component="nav" aria-label={label} data-testid="desk-queue">
      {cases.map((c) => {
        const active = c.id === selected;
        const clock = nextClock(c.clocks);
        return (
          <UnstyledButton
            key={c.id}
            aria-current={active ? 'true' : undefined}
            onClick={() => onSelect(c.id)}
            p="sm"
            data-case-id={c.id}
            style={{
              borderRadius: 8,
              border: `1px solid ${active ? 'var(--mantine-color-indigo-4)' : 'var(--mantine-color-gray-3)'}`,
              background: active ? 'var(--mantine-color-indigo-0)' : 'white',
            }}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs" mb={4}>
              <Text size="xs" ff="monospace" fw={600} c="indigo.7">
                {c.caseNo}
              </Text>
              <Badge size="xs" variant="light" color="gray" radius="sm" tt="none">
                {t(`vocab.ipType.${c.ipType}`)}
              </Badge>
            </Group>
            <Text size="sm" fw={550} lineClamp={1}>
              {c.title}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={1}>
              {c.complainant.name} ↔ {c.respondent.name}
            </Text>
            <Group justify="space-between" mt={6} gap="xs" wrap="nowrap">
              <Text size="xs" c="dimmed" lineClamp={1} title={formatDateTime(c.filedAt, i18n.language)}>
                {stageText(c.stage, t)}
              </Text>
              {clock && <ClockBadge clock={clock} now={now} showLabel={false} />}
            </Group>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}
