import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCaseAccessLog } from '../api/administration.js';
import { EmptyBlock } from '../ui/EmptyBlock.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { AuditTable } from './AuditTable.js';

/** The access log tab of a case page: who opened the case or downloaded its files (admins, its handling organisation). */
export function CaseAccessLog({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const log = useCaseAccessLog(caseId, true);
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm" data-testid="access-log">
      <Text size="sm" c="dimmed">
        {t('administration.accessLog.description')}
      </Text>
      {log.isPending ? (
        <LoadingState minHeight={160} />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyBlock compact title={t('administration.accessLog.empty')} />
      ) : (
        <AuditTable entries={entries} showCase={false} />
      )}
      {log.hasNextPage && (
        <Group justify="center">
          <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('administration.audit.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
