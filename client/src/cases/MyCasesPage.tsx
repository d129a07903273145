import { Button, Group, Pagination, Paper, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCaseList } from '../api/cases.js';
import { useSession } from '../auth/useSession.js';
import { EmptyBlock } from '../ui/EmptyBlock.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { PageHeader } from '../ui/PageHeader.js';
import { useNow } from '../ui/useNow.js';
import { ExportButton } from '../search/ExportButton.js';
import { CaseTable } from './CaseTable.js';
import { MY_CASES_PAGE_SIZE, myCasesParams, type MyCasesScope } from './myCasesQuery.js';

/** "My cases": the caller's cases with status, channel and next clock, kept live by pushes. */
export function MyCasesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const now = useNow(1000);
  const [scope, setScope] = useState<MyCasesScope>('open');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState(1);
  const isComplainant = session?.user.role === 'complainant';
  const isAdmin = session?.user.role === 'admin';
  const isStaff = isAdmin || session?.user.role === 'officer';
  const list = useCaseList(myCasesParams(scope, q, page));
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t(isAdmin ? 'cases.allTitle' : 'cases.myTitle')}
        description={t(`cases.myDescription.${isComplainant ? 'complainant' : isAdmin ? 'admin' : 'other'}`)}
        actions={
          isComplainant ? (
            <Button component={Link} to="/cases/new" leftSection={<IconPlus size={16} />}>
              {t('nav.newComplaint')}
            </Button>
          ) : (
            isStaff && <ExportButton params={myCasesParams(scope, q)} />
          )
        }
      />
      <Paper withBorder radius="md">
        <Group justify="space-between" p="md" gap="sm" wrap="wrap">
          <SegmentedControl
            value={scope}
            onChange={(v) => {
              setScope(v as MyCasesScope);
              setPage(1);
            }}
            data={[
              { value: 'open', label: t('cases.scope.open') },
              { value: 'closed', label: t('cases.scope.closed') },
              { value: 'all', label: t('cases.scope.all') },
            ]}
            aria-label={t('cases.scope.label')}
          />
          <TextInput
            placeholder={t('cases.searchPlaceholder')}
            aria-label={t('cases.searchLabel')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              setPage(1);
            }}
            w={320}
          />
        </Group>
        {list.isPending ? (
          <LoadingState />
        ) : list.isError ? (
          <div style={{ padding: 16 }}>
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          </div>
        ) : items.length === 0 ? (
          <EmptyBlock
            title={q ? t('cases.emptySearch') : t('cases.empty')}
            description={
              q
                ? t('cases.emptySearchHint')
                : isComplainant
                  ? t('cases.emptyHintComplainant')
                  : t('cases.emptyHint')
            }
            action={
              isComplainant && !q ? (
                <Button component={Link} to="/cases/new" mt="sm" leftSection={<IconPlus size={16} />}>
                  {t('nav.newComplaint')}
                </Button>
              ) : undefined
            }
          />
        ) : (
          <>
            <CaseTable cases={items} now={now} />
            <Group justify="space-between" p="md">
              <Text size="sm" c="dimmed">
                {t('cases.total', { count: total })}
              </Text>
              {total > MY_CASES_PAGE_SIZE && (
                <Pagination
                  value={page}
                  onChange={setPage}
                  total={Math.ceil(total / MY_CASES_PAGE_SIZE)}
                  size="sm"
                />
              )}
            </Group>
          </>
        )}
      </Paper>
    </>
  );
}
