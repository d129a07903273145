import { Button, Drawer, Grid, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlarm, IconAlertTriangle, IconCircleCheck, IconColumns, IconFlame } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CaseSummaryView } from '../../../shared/api/views.js';
import { CASE_STATUSES, IP_TYPES, type CaseStatus, type IpType } from '../../../shared/vocabulary.js';
import { useCaseList } from '../api/cases.js';
import { useStats } from '../api/directory.js';
import { useSession } from '../auth/useSession.js';
import { CaseTable } from '../cases/CaseTable.js';
import { liveClock, nextClock, urgency } from '../cases/clockState.js';
import { StatFigure } from '../stats/StatFigure.js';
import { EmptyBlock } from '../ui/EmptyBlock.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { PageHeader } from '../ui/PageHeader.js';
import { SectionCard } from '../ui/SectionCard.js';
import { useNow } from '../ui/useNow.js';
import { centerQueueParams } from './centerQueue.js';
import { DesignComparison } from './DesignComparison.js';

// the charts (recharts) load beside the queue rather than before it
const CenterCharts = lazy(() => import('./CenterCharts.js').then((m) => ({ default: m.CenterCharts })));

/** Design patents first, then by clock urgency. */
function byPriority(now: number) {
  return (a: CaseSummaryView, b: CaseSummaryView) =>
    Number(b.ipType === 'designPatent') - Number(a.ipType === 'designPatent') ||
    urgency(b.clocks, now) - urgency(a.clocks, now) ||
    a.caseNo.localeCompare(b.caseNo);
}

/**
 * The protection center's dashboard: its fast-track cases (design patents first) with their clocks
 * coloured on track / at risk / breached and updating live; filters by IP type, industry and status;
 * the registered design beside the accused product; weekly, decision-time and breach figures.
 */
export function CenterDashboard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const now = useNow(1000);
  const [ipType, setIpType] = useState<IpType | null>(null);
  const [industry, setIndustry] = useState<string | null>(null);
  const [status, setStatus] = useState<CaseStatus | null>(null);
  const [comparing, setComparing] = useState<CaseSummaryView | null>(null);
  const session = useSession();
  const everyCenter = session?.user.role === 'admin';
  const list = useCaseList(
    centerQueueParams(everyCenter, { ipType: ipType ?? undefined, status: status ?? undefined }),
  );
  // asked here, with the list, so both requests leave at once; the charts read the same query
  useStats();
  const all = useMemo(() => list.data?.items ?? [], [list.data]);
  const industries = useMemo(
    () => [...new Set(all.map((c) => c.industry).filter((i): i is string => Boolean(i)))].sort(),
    [all],
  );
  const cases = all.filter((c) => !industry || c.industry === industry).sort(byPriority(now));
  const statusOf = (c: CaseSummaryView) => {
    const clock = nextClock(c.clocks);
    return clock ? liveClock(clock, now).status : null;
  };
  const count = (s: string[]) => cases.filter((c) => s.includes(statusOf(c) ?? '')).length;

  return (
    <>
      <PageHeader title={t('center.title')} description={t('center.description')} />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" mb="lg">
        <StatFigure
          label={t('center.figures.cases')}
          value={cases.length}
          icon={<IconFlame size={20} />}
          color="indigo"
          testId="fig-cases"
        />
        <StatFigure
          label={t('vocab.clockStatus.onTrack')}
          value={count(['onTrack'])}
          icon={<IconCircleCheck size={20} />}
          color="teal"
        />
        <StatFigure
          label={t('center.figures.atRisk')}
          value={count(['atRisk50', 'atRisk80'])}
          icon={<IconAlarm size={20} />}
          color="orange"
        />
        <StatFigure
          label={t('vocab.clockStatus.breached')}
          value={count(['breached'])}
          icon={<IconAlertTriangle size={20} />}
          color="red"
        />
      </SimpleGrid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, xl: 8 }}>
          <SectionCard
            title={t('center.queue')}
            padding="0"
            extra={
              <Group gap="xs" wrap="nowrap">
                <Select
                  size="xs"
                  w={150}
                  placeholder={t('center.filter.ipType')}
                  aria-label={t('center.filter.ipType')}
                  data={IP_TYPES.map((v) => ({ value: v, label: t(`vocab.ipType.${v}`) }))}
                  value={ipType}
                  onChange={(v) => setIpType(IP_TYPES.find((x) => x === v) ?? null)}
                  clearable
                />
                <Select
                  size="xs"
                  w={140}
                  placeholder={t('center.filter.industry')}
                  aria-label={t('center.filter.industry')}
                  data={industries}
                  value={industry}
                  onChange={setIndustry}
                  clearable
                  nothingFoundMessage={t('center.filter.noIndustry')}
                />
                <Select
                  size="xs"
                  w={130}
                  placeholder={t('center.filter.status')}
                  aria-label={t('center.filter.status')}
                  data={CASE_STATUSES.map((v) => ({ value: v, label: t(`vocab.status.${v}`) }))}
                  value={status}
                  onChange={(v) => setStatus(CASE_STATUSES.find((x) => x === v) ?? null)}
                  clearable
                />
              </Group>
            }
          >
            {list.isPending ? (
              <LoadingState />
            ) : list.isError ? (
              <Stack p="md">
                <ErrorState error={list.error} onRetry={() => void list.refetch()} />
              </Stack>
            ) : cases.length === 0 ? (
              <EmptyBlock
                title={ipType || industry || status ? t('center.emptyFiltered') : t('center.empty')}
                description={t('center.emptyHint')}
              />
            ) : (
              <div data-testid="center-queue">
                <CaseTable
                  cases={cases}
                  now={now}
                  columns={['parties', 'clock']}
                  compact
                  rowExtra={(c) => (
                    <Button
                      size="compact-xs"
                      variant="light"
                      leftSection={<IconColumns size={12} />}
                      onClick={() => setComparing(c)}
                      aria-label={t('center.compare.openFor', { caseNo: c.caseNo })}
                    >
                      {t('center.compare.open')}
                    </Button>
                  )}
                />
              </div>
            )}
          </SectionCard>
          <Text size="xs" c="dimmed" mt="xs">
            {t('center.legend')}
          </Text>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 4 }}>
          <Suspense fallback={<LoadingState minHeight={240} />}>
            <CenterCharts />
          </Suspense>
        </Grid.Col>
      </Grid>
      <Drawer
        opened={comparing !== null}
        onClose={() => setComparing(null)}
        position="right"
        size="62%"
        title={
          comparing && (
            <Text fw={650}>
              {t('center.compare.title')} ·{' '}
              <Text span ff="monospace">
                {comparing.caseNo}
              </Text>
            </Text>
          )
        }
      >
        {comparing && (
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {comparing.title} · {comparing.complainant.name} ↔ {comparing.respondent.name}
            </Text>
            <DesignComparison caseId={comparing.id} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => void navigate(`/cases/${comparing.id}`)}>
                {t('center.compare.openCase')}
              </Button>
            </Group>
          </Stack>
        )}
      </Drawer>
    </>
  );
}
