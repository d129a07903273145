import { Drawer, Group, Pagination, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.js';
import { EmptyBlock } from '../ui/EmptyBlock.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { PageHeader } from '../ui/PageHeader.js';
import { ReportDetail } from './ReportDetail.js';
import { ReportStatusBadge } from './ReportStatusBadge.js';
import { REPORT_STATUSES, type ReportStatus } from '../../../shared/api/supervisionReportView.js';
import { REPORTS_PAGE, useReports } from './supervisionApi.js';

const FILTERS = ['all', ...REPORT_STATUSES] as const;

/** A report's summary: its first words. */
const summary = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * The social-supervision office's queue of public reports (the platform supervisor's too): every
 * report or one status, newest first, a page at a time; a report opens beside the list, with what
 * the office does with it.
 */
export function SupervisionReportsPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<ReportStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const q = useReports(filter, page);
  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / REPORTS_PAGE)) : 1;

  return (
    <>
      <PageHeader title={t('supervision.title')} description={t('supervision.intro')} />
      <Paper withBorder radius="md">
        <Group p="md">
          <SegmentedControl
            aria-label={t('supervision.filter')}
            data-testid="report-filter"
            value={filter}
            onChange={(v) => {
              setFilter(v as ReportStatus | 'all');
              setPage(1);
            }}
            data={FILTERS.map((f) => ({
              value: f,
              label: f === 'all' ? t('supervision.all') : t(`supervision.status.${f}`),
            }))}
          />
        </Group>
        {q.isPending ? (
          <LoadingState />
        ) : q.isError ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : q.data.items.length === 0 ? (
          <EmptyBlock title={t('supervision.empty')} icon={<IconInbox size={24} />} />
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="report-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('supervision.statusColumn')}</Table.Th>
                  <Table.Th>{t('supervision.received')}</Table.Th>
                  <Table.Th>{t('supervision.kind')}</Table.Th>
                  <Table.Th>{t('supervision.summary')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.items.map((r) => (
                  <Table.Tr
                    key={r.id}
                    data-testid="report-row"
                    data-report-id={r.id}
                    style={{ cursor: 'pointer' }}
                    onClick={() => setOpen(r.id)}
                  >
                    <Table.Td>
                      <ReportStatusBadge status={r.status} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(r.createdAt, i18n.language)}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {t(`vocab.ipType.${r.ipType}`)}
                      <Text size="xs" c="dimmed">
                        {t(`public.selfHelp.placeOption.${r.place}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {r.subject}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {summary(r.description)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {pages > 1 && (
          <Group justify="center" p="md">
            <Pagination total={pages} value={page} onChange={setPage} />
          </Group>
        )}
      </Paper>
      <Drawer
        opened={open !== null}
        onClose={() => setOpen(null)}
        position="right"
        size="lg"
        title={t('supervision.detailTitle')}
      >
        {open && <ReportDetail id={open} />}
      </Drawer>
    </>
  );
}
