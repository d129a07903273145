import { Anchor, Badge, Breadcrumbs, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseView } from '../../../shared/api/views.js';
import { formatDate } from '../i18n/format.js';
import { ChannelBadge, StatusBadge, TrackBadge, stageText } from './CaseBadges.js';

/** The head of a case page: number, title, status and stage, channel, track, parties. */
export function CaseHeader({
  caseView,
  backTo,
  backLabel,
}: {
  caseView: CaseView;
  backTo: string;
  backLabel: string;
}) {
  const { t, i18n } = useTranslation();
  const c = caseView;
  return (
    <Stack gap="sm" mb="lg">
      <Breadcrumbs separator="›" fz="sm">
        <Anchor component={Link} to={backTo} size="sm">
          {backLabel}
        </Anchor>
        <Text size="sm" c="dimmed" ff="monospace">
          {c.caseNo}
        </Text>
      </Breadcrumbs>
      <Paper withBorder radius="md" p="lg">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text ff="monospace" fw={600} c="indigo.7" size="sm">
                {c.caseNo}
              </Text>
              <StatusBadge status={c.status} />
              <Text size="sm" c="dimmed">
                {c.status === 'closed' && c.closureReason
                  ? t(`vocab.closure.${c.closureReason}`)
                  : stageText(c.stage, t)}
              </Text>
            </Group>
            <Title order={1} fz={22} fw={650} lineClamp={2}>
              {c.title}
            </Title>
            <Text size="sm" c="dimmed">
              {c.complainant.name}{' '}
              <Text span c="gray.5">
                ↔
              </Text>{' '}
              {c.respondent.name}
            </Text>
          </Stack>
          <Stack gap={6} align="flex-end" style={{ flexShrink: 0 }}>
            <Group gap={6}>
              <ChannelBadge channel={c.channel} />
              <TrackBadge track={c.track} />
              <Badge variant="light" color="gray" radius="sm" tt="none">
                {t(`vocab.ipType.${c.ipType}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {t('case.filedOn', { date: formatDate(c.filedAt, i18n.language) })}
              {c.industry ? ` · ${c.industry}` : ''}
            </Text>
          </Stack>
        </Group>
      </Paper>
    </Stack>
  );
}
