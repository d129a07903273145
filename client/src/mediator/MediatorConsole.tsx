import { Grid, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlarm, IconBriefcase, IconBellRinging } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCaseList } from '../api/cases.js';
import { useSession } from '../auth/useSession.js';
import { CaseTable } from '../cases/CaseTable.js';
import { liveClock, urgency } from '../cases/clockState.js';
import { useRecentAssignments } from '../realtime/hooks.js';
import { StatFigure } from '../stats/StatFigure.js';
import { EmptyBlock } from '../ui/EmptyBlock.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { PageHeader } from '../ui/PageHeader.js';
import { SectionCard } from '../ui/SectionCard.js';
import { useNow } from '../ui/useNow.js';
import { AssignmentCard } from './AssignmentCard.js';
import { MEDIATOR_QUEUE } from './mediatorQueue.js';

/**
 * The mediator's console: new assignments to accept or decline (they arrive live), and the queue of
 * assigned cases sorted by clock urgency, each opening the case workspace.
 */
export function MediatorConsole() {
  const { t } = useTranslation();
  const session = useSession();
  const now = useNow(1000);
  const recent = useRecentAssignments();
  const list = useCaseList(MEDIATOR_QUEUE);
  const me = session?.user.id;
  const mine = (list.data?.items ?? []).filter((c) => c.mediatorId === me && c.status !== 'closed');
  const pending = mine.filter((c) => c.tags.includes('mediatorDeciding'));
  const queue = mine
    .filter((c) => !c.tags.includes('mediatorDeciding'))
    .sort((a, b) => urgency(b.clocks, now) - urgency(a.clocks, now) || a.caseNo.localeCompare(b.caseNo));
  const atRisk = mine.filter((c) =>
    c.clocks.some((k) => ['atRisk80', 'breached'].includes(liveClock(k, now).status)),
  ).length;

  return (
    <>
      <PageHeader title={t('mediator.title')} description={t('mediator.description')} />
      {list.isPending ? (
        <LoadingState minHeight={320} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <StatFigure
              label={t('mediator.figures.pending')}
              value={pending.length}
              icon={<IconBellRinging size={20} />}
              color="indigo"
            />
            <StatFigure
              label={t('mediator.figures.active')}
              value={queue.length}
              icon={<IconBriefcase size={20} />}
              color="teal"
            />
            <StatFigure
              label={t('mediator.figures.atRisk')}
              value={atRisk}
              icon={<IconAlarm size={20} />}
              color="orange"
            />
          </SimpleGrid>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <SectionCard title={t('mediator.assignments')}>
                <Stack gap="sm" data-testid="assignments">
                  {pending.length === 0 ? (
                    <EmptyBlock
                      compact
                      title={t('mediator.noAssignments')}
                      description={t('mediator.noAssignmentsHint')}
                    />
                  ) : (
                    pending.map((c) => (
                      <AssignmentCard key={c.id} summary={c} now={now} isNew={recent.includes(c.id)} />
                    ))
                  )}
                </Stack>
              </SectionCard>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <SectionCard
                title={t('mediator.queue')}
                extra={
                  <Text size="xs" c="dimmed">
                    {t('mediator.sortedByUrgency')}
                  </Text>
                }
                padding="0"
              >
                {queue.length === 0 ? (
                  <EmptyBlock
                    compact
                    title={t('mediator.emptyQueue')}
                    description={t('mediator.emptyQueueHint')}
                  />
                ) : (
                  <CaseTable
                    cases={queue}
                    now={now}
                    columns={['parties', 'clock']}
                    highlight={(c) => recent.includes(c.id)}
                  />
                )}
              </SectionCard>
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </>
  );
}
