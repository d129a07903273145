import '@mantine/charts/styles.css';
import { BarChart, DonutChart } from '@mantine/charts';
import { Grid, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconFolderOpen, IconHeartHandshake, IconStopwatch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, CHANNELS } from '../../../shared/vocabulary.js';
import { useStats } from '../api/directory.js';
import { formatDate, formatDateTime } from '../i18n/format.js';
import { EmptyBlock } from '../ui/EmptyBlock.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { PageHeader } from '../ui/PageHeader.js';
import { SectionCard } from '../ui/SectionCard.js';
import { DecisionTimeChart } from './DecisionTimeChart.js';
import { StatFigure } from './StatFigure.js';
import { WeeklyCasesChart } from './WeeklyCasesChart.js';

const STATUS_COLORS: Record<string, string> = {
  screening: 'gray.5',
  awaitingInfo: 'yellow.5',
  triage: 'grape.5',
  inChannel: 'blue.5',
  resolved: 'teal.5',
  compliance: 'cyan.5',
  closed: 'dark.3',
};

/** Statistics of the organisation (officers) or of the platform (admins), with charts. */
export function StatsPage() {
  const { t, i18n } = useTranslation();
  const stats = useStats();
  if (stats.isPending) return <LoadingState minHeight={320} />;
  if (stats.isError) return <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />;
  const s = stats.data;
  const byChannel = CHANNELS.map((c) => ({ channel: t(`vocab.channel.${c}`), cases: s.byChannel[c] ?? 0 }));
  const byStatus = CASE_STATUSES.filter((st) => (s.byStatus[st] ?? 0) > 0).map((st) => ({
    name: t(`vocab.status.${st}`),
    value: s.byStatus[st] ?? 0,
    color: STATUS_COLORS[st] ?? 'gray.5',
  }));
  const settlement = s.settlementRate === null ? '—' : `${Math.round(s.settlementRate * 100)}%`;

  return (
    <>
      <PageHeader
        title={t('stats.title')}
        description={t(s.scope === 'all' ? 'stats.scopeAll' : 'stats.scopeOrg')}
      />
      <Text size="sm" c="dimmed" mt={-8} mb="md" data-testid="stats-period">
        {t('stats.period', {
          from: formatDate(s.filed.from, i18n.language),
          asOf: formatDateTime(s.asOf, i18n.language),
        })}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" mb="lg">
        <StatFigure
          label={t('stats.open')}
          value={s.openCases}
          icon={<IconFolderOpen size={20} />}
          color="indigo"
        />
        <StatFigure
          label={t('stats.breached')}
          value={s.clocksBreached}
          icon={<IconAlertTriangle size={20} />}
          color="red"
        />
        <StatFigure
          label={t('stats.settlementRate')}
          value={settlement}
          icon={<IconHeartHandshake size={20} />}
          color="teal"
        />
        <StatFigure
          label={t('stats.fastMedian')}
          value={
            s.fastTrack.medianDaysToDecision === null
              ? '—'
              : t('stats.days', { n: s.fastTrack.medianDaysToDecision.toFixed(1) })
          }
          icon={<IconStopwatch size={20} />}
          color="pink"
          hint={t('stats.targetShort', { days: s.fastTrack.targetWorkingDays })}
        />
      </SimpleGrid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <SectionCard title={t('stats.weeklyTitle')}>
            <WeeklyCasesChart weekly={s.weekly} height={260} />
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <SectionCard title={t('stats.byStatus')}>
            {byStatus.length === 0 ? (
              <EmptyBlock compact title={t('stats.noCases')} />
            ) : (
              <Group justify="center" py="sm">
                <DonutChart
                  data={byStatus}
                  size={190}
                  thickness={28}
                  withLabelsLine={false}
                  withTooltip
                  tooltipDataSource="segment"
                  chartLabel={String(byStatus.reduce((a, b) => a + b.value, 0))}
                />
                <Stack gap={4}>
                  {byStatus.map((d) => (
                    <Group key={d.name} gap={6} wrap="nowrap">
                      <div
                        style={{
                          width: 10,
                          height: 10,
                          borderRadius: 2,
                          background: `var(--mantine-color-${d.color.replace('.', '-')})`,
                        }}
                      />
                      <Text size="xs">
                        {d.name} · {d.value}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              </Group>
            )}
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <SectionCard title={t('stats.byChannel')}>
            <BarChart
              h={260}
              data={byChannel}
              dataKey="channel"
              orientation="vertical"
              series={[{ name: 'cases', color: 'indigo.5', label: t('stats.cases') }]}
              yAxisProps={{ width: 110 }}
              xAxisProps={{ allowDecimals: false }}
              gridAxis="x"
              maxBarWidth={18}
            />
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <SectionCard title={t('stats.decisionTitle')}>
              <DecisionTimeChart
                medianDays={s.fastTrack.medianDaysToDecision}
                targetWorkingDays={s.fastTrack.targetWorkingDays}
              />
            </SectionCard>
            <SectionCard title={t('stats.resolutionTitle')} padding="0">
              {s.resolution.length === 0 ? (
                <EmptyBlock compact title={t('stats.noResolved')} />
              ) : (
                <Table verticalSpacing={6} fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('cases.col.channel')}</Table.Th>
                      <Table.Th>{t('stats.track')}</Table.Th>
                      <Table.Th ta="right">{t('stats.resolved')}</Table.Th>
                      <Table.Th ta="right">{t('stats.medianDays')}</Table.Th>
                      <Table.Th ta="right">P90</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {s.resolution.map((r) => (
                      <Table.Tr key={`${r.channel}-${r.track}`}>
                        <Table.Td>{t(`vocab.channel.${r.channel}`, { defaultValue: r.channel })}</Table.Td>
                        <Table.Td>{t(`vocab.track.${r.track}`, { defaultValue: r.track })}</Table.Td>
                        <Table.Td ta="right">{r.resolved}</Table.Td>
                        <Table.Td ta="right">{r.medianDays ?? '—'}</Table.Td>
                        <Table.Td ta="right">{r.p90Days ?? '—'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
