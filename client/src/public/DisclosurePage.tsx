import { Badge, Pagination, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decisionLabel } from '../credit/decisionLabel.js';
import { formatDate } from '../i18n/format.js';
import { EmptyBlock } from '../ui/EmptyBlock.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { PageHeader } from '../ui/PageHeader.js';
import { fetchDisclosure } from './publicApi.js';

/** The public credit disclosure (no sign-in): final entries the law allows to publish, a page at a time. */
export function DisclosurePage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['disclosure', page],
    queryFn: ({ signal }) => fetchDisclosure(page, signal),
  });
  const pages = q.data ? Math.max(1, Math.ceil(q.data.total / q.data.limit)) : 1;
  return (
    <>
      <PageHeader title={t('public.disclosure.title')} description={t('public.disclosure.intro')} />
      <Paper withBorder radius="md">
        {q.isPending ? (
          <LoadingState />
        ) : q.isError ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : q.data.items.length === 0 ? (
          <EmptyBlock title={t('public.disclosure.empty')} />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped data-testid="disclosure-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('public.disclosure.name')}</Table.Th>
                  <Table.Th>{t('public.disclosure.ipType')}</Table.Th>
                  <Table.Th>{t('public.disclosure.decision')}</Table.Th>
                  <Table.Th>{t('public.disclosure.basis')}</Table.Th>
                  <Table.Th>{t('public.disclosure.date')}</Table.Th>
                  <Table.Th>{t('public.disclosure.until')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.items.map((e, i) => (
                  <Table.Tr key={`${e.date}:${i}`}>
                    <Table.Td>
                      <Text size="sm" fw={550}>
                        {e.name}
                      </Text>
                      {e.partyType === 'individual' && (
                        <Text size="xs" c="dimmed">
                          {t('public.disclosure.individual')}
                        </Text>
                      )}
                      {e.status !== 'final' && (
                        <Badge size="xs" variant="light" color="yellow" tt="none">
                          {t(`credit.status.${e.status}`)}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`vocab.ipType.${e.ipType}`)}</Table.Td>
                    <Table.Td>{decisionLabel(t, e.decision)}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{t(`creditRegister.basisKey.${e.legalBasisKey ?? 'other'}`)}</Text>
                    </Table.Td>
                    <Table.Td>{formatDate(e.date, i18n.language)}</Table.Td>
                    <Table.Td>{formatDate(e.until, i18n.language)}</Table.Td>
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
