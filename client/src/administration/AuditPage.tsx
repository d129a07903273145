import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconShieldSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_KINDS } from '../../../shared/admin/auditKinds.js';
import { useAuditLog, type AuditFilters } from '../api/administration.js';
import { useSession } from '../auth/useSession.js';
import { EmptyBlock } from '../ui/EmptyBlock.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { PageHeader } from '../ui/PageHeader.js';
import { SectionCard } from '../ui/SectionCard.js';
import { AuditTable } from './AuditTable.js';

const EMPTY = { caseId: '', actorId: '', kind: '', from: '', to: '' };

/** A `datetime-local` value (Beijing time in the browser) as an ISO instant, or nothing. */
const instantOf = (local: string) => (local ? new Date(local).toISOString() : undefined);

/**
 * The audit screen: who opened or downloaded what and every administrative change, newest first,
 * filtered by case, actor, kind and time; for admins everything, for an organisation's staff their own.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [draft, setDraft] = useState(EMPTY);
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const set = (key: keyof typeof EMPTY, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters({
      caseId: draft.caseId.trim() || undefined,
      actorId: draft.actorId.trim() || undefined,
      kind: draft.kind || undefined,
      from: instantOf(draft.from),
      to: instantOf(draft.to),
    });
  };
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('administration.audit.title')}
        description={t(
          session?.user.role === 'admin'
            ? 'administration.audit.descriptionAdmin'
            : 'administration.audit.descriptionOrg',
        )}
      />
      <form onSubmit={apply}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} mb="sm">
          <TextInput
            label={t('administration.audit.caseId')}
            value={draft.caseId}
            onChange={(e) => set('caseId', e.currentTarget.value)}
          />
          <TextInput
            label={t('administration.audit.actorId')}
            value={draft.actorId}
            onChange={(e) => set('actorId', e.currentTarget.value)}
          />
          <Select
            label={t('administration.audit.kind')}
            placeholder={t('administration.audit.anyKind')}
            clearable
            data={AUDIT_KINDS.map((k) => ({ value: k, label: t(`administration.audit.kinds.${k}`) }))}
            value={draft.kind || null}
            onChange={(v) => set('kind', v ?? '')}
            data-testid="audit-kind"
          />
          <TextInput
            type="datetime-local"
            label={t('administration.audit.from')}
            value={draft.from}
            onChange={(e) => set('from', e.currentTarget.value)}
          />
          <TextInput
            type="datetime-local"
            label={t('administration.audit.to')}
            value={draft.to}
            onChange={(e) => set('to', e.currentTarget.value)}
          />
        </SimpleGrid>
        <Group mb="md" gap="sm">
          <Button type="submit" data-testid="audit-apply">
            {t('administration.audit.apply')}
          </Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(EMPTY);
              setFilters({});
            }}
          >
            {t('administration.audit.clear')}
          </Button>
        </Group>
      </form>
      <SectionCard padding="0">
        {log.isPending ? (
          <LoadingState minHeight={240} />
        ) : log.isError ? (
          <ErrorState error={log.error} onRetry={() => void log.refetch()} />
        ) : entries.length === 0 ? (
          <EmptyBlock title={t('administration.audit.empty')} icon={<IconShieldSearch size={24} />} />
        ) : (
          <AuditTable entries={entries} showCase />
        )}
      </SectionCard>
      {log.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('administration.audit.more')}
          </Button>
        </Group>
      )}
    </>
  );
}
