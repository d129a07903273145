import { Anchor, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCase, useCaseActions, useCaseEvents } from '../api/cases.js';
import { ActionsPanel } from '../cases/ActionsPanel.js';
import { ChannelBadge, StatusBadge, TrackBadge, stageText } from '../cases/CaseBadges.js';
import { CaseDetailsPanel } from '../cases/CaseDetailsPanel.js';
import { CaseTimeline } from '../cases/CaseTimeline.js';
import { ClocksCard } from '../cases/ClocksCard.js';
import { useCaseFeed } from '../realtime/hooks.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { SectionCard } from '../ui/SectionCard.js';
import { QUEUE_ACTIONS, type DeskQueue } from './deskQueues.js';

/**
 * One case on the desk: the complaint and, for triage and holds, the ranked recommendation with its
 * reasons and the PAE signals; the queue's actions first, then every other action the user may take.
 */
export function CaseWorkbench({
  caseId,
  seq,
  queue,
}: {
  caseId: string;
  /** The case's seq in the queue's list. */
  seq: number;
  queue: DeskQueue;
}) {
  const { t } = useTranslation();
  const caseQuery = useCase(caseId);
  // asked together with the case rather than once it is in (the panels below read the same queries)
  useCaseActions(caseId, seq);
  useCaseEvents(caseId, queue === 'inChannel');
  useCaseFeed(caseId, caseQuery.isSuccess);
  if (caseQuery.isPending) return <LoadingState minHeight={320} />;
  if (caseQuery.isError)
    return <ErrorState error={caseQuery.error} onRetry={() => void caseQuery.refetch()} />;
  const c = caseQuery.data;
  const focus = QUEUE_ACTIONS[queue];
  return (
    <Stack gap="md" data-testid="workbench">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text ff="monospace" fw={600} c="indigo.7" size="sm">
                {c.caseNo}
              </Text>
              <StatusBadge status={c.status} />
              <Text size="sm" c="dimmed">
                {stageText(c.stage, t)}
              </Text>
            </Group>
            <Title order={2} fz={18} lineClamp={2}>
              {c.title}
            </Title>
            <Text size="sm" c="dimmed">
              {c.complainant.name} ↔ {c.respondent.name}
            </Text>
          </Stack>
          <Stack gap={6} align="flex-end" style={{ flexShrink: 0 }}>
            <Group gap={6}>
              <ChannelBadge channel={c.channel} />
              <TrackBadge track={c.track} />
            </Group>
            <Anchor component={Link} to={`/cases/${c.id}`} size="sm">
              <Group gap={4}>
                {t('desk.openCase')}
                <IconExternalLink size={14} />
              </Group>
            </Anchor>
          </Stack>
        </Group>
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, xl: 8 }}>
          {queue === 'inChannel' ? (
            <SectionCard title={t('case.tab.timeline')}>
              <CaseTimeline caseView={c} newestFirst />
            </SectionCard>
          ) : (
            <CaseDetailsPanel
              caseView={c}
              showRouting={queue !== 'screening'}
              stacked={queue !== 'screening'}
            />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 4 }}>
          <Stack gap="md">
            {focus.length > 0 && (
              <ActionsPanel
                caseView={c}
                only={focus}
                title={t(`desk.actionsOf.${queue}`)}
                emptyText={t('desk.noQueueActions')}
              />
            )}
            <ActionsPanel
              caseView={c}
              title={focus.length > 0 ? t('desk.otherActions') : t('actions.title')}
              exclude={focus}
              hideWhenEmpty={focus.length > 0}
            />
            <ClocksCard caseView={c} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
