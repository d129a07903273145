import type { CreditEntryDetailView } from '../../../shared/api/creditView.js';
import { Anchor, Badge, Group, Pagination, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiFetch } from '../api/http.js';
import { formatDate } from '../i18n/format.js';
import { EmptyBlock } from '../ui/EmptyBlock.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { PageHeader } from '../ui/PageHeader.js';
import { decisionLabel } from './decisionLabel.js';

const FILTERS = ['all', 'pendingAppeal', 'final', 'objected', 'corrected', 'removed'] as const;
const PAGE = 20;
const COLORS: Record<string, string> = {
  pendingAppeal: 'blue',
  final: 'red',
  objected: 'yellow',
  corrected: 'orange',
  removed: 'gray',
};

/**
 * The credit register for staff: every entry or one status, newest first; each with its source case
 * (its page holds the objection and correction flow) and the legal basis in the UI language.
 */
export function CreditRegisterPage() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['creditRegister', filter, page],
    queryFn: ({ signal }) =>
      apiFetch<{ items: CreditEntryDetailView[]; total: number }>(
        `/api/credit/register?page=${page}&limit=${PAGE}${filter === 'all' ? '' : `&status=${filter}`}`,
        { signal },
      ),
  });
  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / PAGE)) : 1;
  return (
    <>
      <PageHeader title={t('creditRegister.title')} description={t('creditRegister.intro')} />
      <Paper withBorder radius="md">
        <Group p="md">
          <SegmentedControl
            aria-label={t('creditRegister.filter')}
            value={filter}
            onChange={(v) => {
              setFilter(v as (typeof FILTERS)[number]);
              setPage(1);
            }}
            data={FILTERS.map((f) => ({
              value: f,
              label: f === 'all' ? t('creditRegister.all') : t(`credit.status.${f}`),
            }))}
          />
        </Group>
        {q.isPending ? (
          <LoadingState />
        ) : q.isError ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : q.data.items.length === 0 ? (
          <EmptyBlock title={t('creditRegister.empty')} />
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table striped data-testid="credit-register">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('creditRegister.name')}</Table.Th>
                  <Table.Th>{t('creditRegister.case')}</Table.Th>
                  <Table.Th>{t('creditRegister.basis')}</Table.Th>
                  <Table.Th>{t('creditRegister.status')}</Table.Th>
                  <Table.Th>{t('creditRegister.date')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Text size="sm" fw={550}>
                        {e.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {e.partyType ? t(`creditRegister.partyType.${e.partyType}`) : ''} ·{' '}
                        {decisionLabel(t, e.decision)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {e.caseId ? (
                        <Anchor component={Link} to={`/cases/${e.caseId}`} size="sm">
                          {e.caseNo}
                        </Anchor>
                      ) : (
                        e.caseNo
                      )}
                      {e.caseId && (
                        <Anchor
                          component={Link}
                          to={`/cases/${e.caseId}#credit-entry`}
                          size="xs"
                          display="block"
                        >
                          {t('creditRegister.manage')}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td maw={340}>
                      <Text size="xs">{t(`creditRegister.basisKey.${e.legalBasisKey ?? 'other'}`)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={COLORS[e.status] ?? 'gray'} tt="none">
                        {t(`credit.status.${e.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDate(e.date, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {pages > 1 && <Pagination mt="md" value={page} onChange={setPage} total={pages} />}
    </>
  );
}
