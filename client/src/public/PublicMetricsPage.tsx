import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconChecks, IconFolders } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.js';
import { StatFigure } from '../stats/StatFigure.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { PageHeader } from '../ui/PageHeader.js';
import { fetchPublicMetrics } from './publicApi.js';

/** The published outcome figures per channel and track; small groups are shown as withheld. */
export function PublicMetricsPage() {
  const { t, i18n } = useTranslation();
  const q = useQuery({ queryKey: ['publicMetrics'], queryFn: ({ signal }) => fetchPublicMetrics(signal) });
  const hidden = (
    <Badge color="gray" variant="light" tt="none">
      {t('public.metrics.hidden')}
    </Badge>
  );
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  return (
    <>
      <PageHeader
        title={t('public.metrics.title')}
        description={t('public.metrics.intro', { n: q.data?.minSample ?? '' })}
      />
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Stack gap="lg" data-testid="public-metrics">
          <SimpleGrid cols={{ base: 2, sm: 2 }} maw={420}>
            <StatFigure
              label={t('public.metrics.filed')}
              value={q.data.filed}
              icon={<IconFolders size={20} />}
              color="indigo"
            />
            <StatFigure
              label={t('public.metrics.closed')}
              value={q.data.closed}
              icon={<IconChecks size={20} />}
              color="teal"
            />
          </SimpleGrid>
          <Paper withBorder radius="md" p="md">
            <Title order={2} fz="md" mb="sm">
              {t('public.metrics.byTrack')}
            </Title>
            {q.data.tracks.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('public.metrics.none')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('public.metrics.channel')}</Table.Th>
                      <Table.Th>{t('public.metrics.track')}</Table.Th>
                      <Table.Th>{t('public.metrics.count')}</Table.Th>
                      <Table.Th>{t('public.metrics.median')}</Table.Th>
                      <Table.Th>{t('public.metrics.p90')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {q.data.tracks.map((r) => (
                      <Table.Tr key={`${r.channel}:${r.track}`}>
                        <Table.Td>{t(`vocab.channel.${r.channel}`)}</Table.Td>
                        <Table.Td>{t(`vocab.track.${r.track}`)}</Table.Td>
                        <Table.Td>{r.closed}</Table.Td>
                        <Table.Td>{r.hidden ? hidden : r.medianDays}</Table.Td>
                        <Table.Td>{r.hidden ? hidden : r.p90Days}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
          <Paper withBorder radius="md" p="md">
            <Title order={2} fz="md" mb="sm">
              {t('public.metrics.byChannel')}
            </Title>
            <Table.ScrollContainer minWidth={480}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('public.metrics.channel')}</Table.Th>
                    <Table.Th>{t('public.metrics.onMerits')}</Table.Th>
                    <Table.Th>{t('public.metrics.settlement')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {q.data.channels.map((c) => (
                    <Table.Tr key={c.channel}>
                      <Table.Td>{t(`vocab.channel.${c.channel}`)}</Table.Td>
                      <Table.Td>{c.closedOnMerits}</Table.Td>
                      <Table.Td>
                        {c.hidden || c.settlementRate === null ? hidden : pct(c.settlementRate)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Group>
            <Text size="xs" c="dimmed">
              {t('public.metrics.asOf', { at: formatDateTime(q.data.asOf, i18n.language) })}
            </Text>
          </Group>
        </Stack>
      )}
    </>
  );
}
