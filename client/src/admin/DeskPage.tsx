import { Badge, Button, Grid, Paper, ScrollArea, Stack, Tabs, Text } from '@mantine/core';
import { IconClipboardCheck, IconHandStop, IconRoute, IconTransfer } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/useSession.js';
import { EmptyBlock } from '../ui/EmptyBlock.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { ExportButton } from '../search/ExportButton.js';
import { PageHeader } from '../ui/PageHeader.js';
import { useNow } from '../ui/useNow.js';
import { CaseWorkbench } from './CaseWorkbench.js';
import { DESK_QUEUES, defaultDeskQueue, type DeskQueue } from './deskQueues.js';
import { QueueList } from './QueueList.js';
import { useDeskCases } from './useDeskCases.js';

const ICONS: Record<DeskQueue, ReactNode> = {
  screening: <IconClipboardCheck size={16} />,
  triage: <IconRoute size={16} />,
  holds: <IconHandStop size={16} />,
  inChannel: <IconTransfer size={16} />,
};

/**
 * The intake desk of officers and admins: screening (accept, request information, reject), triage
 * with the ranked recommendation and routing, the PAE review hold, and cases in a channel
 * (transfers). A queue on the left, the selected case on the right; live through queue pushes.
 */
export function DeskPage() {
  const { t } = useTranslation();
  const session = useSession();
  const now = useNow(1000);
  const [params, setParams] = useSearchParams();
  const isAdmin = session?.user.role === 'admin';
  const queue = (DESK_QUEUES as readonly string[]).includes(params.get('queue') ?? '')
    ? (params.get('queue') as DeskQueue)
    : defaultDeskQueue(session?.user.role ?? '');
  const selected = params.get('case');
  const desk = useDeskCases(queue);
  const inThis = desk.cases;
  const currentCase = inThis.find((c) => c.id === selected) ?? inThis[0];
  const current = currentCase?.id ?? null;

  const select = (next: { queue?: DeskQueue; case?: string | null }) => {
    const p = new URLSearchParams(params);
    if (next.queue) {
      p.set('queue', next.queue);
      p.delete('case');
    }
    if (next.case) p.set('case', next.case);
    setParams(p, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t(isAdmin ? 'desk.titleAdmin' : 'desk.titleOfficer')}
        description={t('desk.description')}
        actions={<ExportButton params={{ queue, sort: 'filedAt' }} />}
      />
      <Tabs value={queue} onChange={(v) => v && select({ queue: v as DeskQueue })} mb="md">
        <Tabs.List>
          {DESK_QUEUES.map((q) => {
            const n = desk.count(q);
            return (
              <Tabs.Tab
                key={q}
                value={q}
                leftSection={ICONS[q]}
                rightSection={
                  <Badge
                    size="sm"
                    variant={n > 0 ? 'filled' : 'light'}
                    color={q === 'holds' && n > 0 ? 'orange' : n > 0 ? 'indigo' : 'gray'}
                    miw={22}
                  >
                    {n}
                  </Badge>
                }
              >
                {t(`desk.queue.${q}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
      </Tabs>
      {desk.isPending ? (
        <LoadingState minHeight={320} />
      ) : desk.error ? (
        <ErrorState error={desk.error} onRetry={desk.refetch} />
      ) : inThis.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyBlock title={t(`desk.empty.${queue}`)} description={t(`desk.emptyHint.${queue}`)} />
        </Paper>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 3 }}>
            <ScrollArea.Autosize mah="calc(100vh - 230px)" type="auto" offsetScrollbars>
              <QueueList
                cases={inThis}
                selected={current}
                onSelect={(id) => select({ case: id })}
                now={now}
                label={t(`desk.queue.${queue}`)}
              />
              <Stack gap={6} align="center" mt="sm">
                <Text size="xs" c="dimmed" data-testid="desk-shown">
                  {t('desk.shown', { shown: inThis.length, total: desk.total })}
                </Text>
                {desk.hasMore && (
                  <Button
                    variant="default"
                    size="xs"
                    loading={desk.loadingMore}
                    onClick={desk.loadMore}
                    data-testid="desk-more"
                  >
                    {t('desk.more')}
                  </Button>
                )}
              </Stack>
            </ScrollArea.Autosize>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 9 }}>
            {currentCase && (
              <CaseWorkbench
                key={currentCase.id}
                caseId={currentCase.id}
                seq={currentCase.seq}
                queue={queue}
              />
            )}
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
