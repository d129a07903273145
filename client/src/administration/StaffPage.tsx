import { Badge, Button, Group, Modal, Select, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAdminOrgs, useResendInvitation, useSaveStaff, useStaff } from '../api/administration.js';
import type { AccountView } from '../api/types.js';
import { useSession } from '../auth/useSession.js';
import { isZh } from '../i18n/labels.js';
import { EmptyBlock } from '../ui/EmptyBlock.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { PageHeader } from '../ui/PageHeader.js';
import { SectionCard } from '../ui/SectionCard.js';
import { saveFailure } from './saveFailure.js';
import { StaffForm } from './StaffForm.js';

/**
 * The staff of an organisation: the platform supervisor chooses any organisation, an organisation's
 * lead sees their own. Create accounts, change roles, expertise, languages; deactivate, reactivate.
 */
export function StaffPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const isAdmin = session?.user.role === 'admin';
  const orgs = useAdminOrgs();
  const [params, setParams] = useSearchParams();
  const orgId = isAdmin ? (params.get('org') ?? orgs.data?.[0]?.id ?? null) : (session?.user.orgId ?? null);
  const staff = useStaff(orgId);
  const toggle = useSaveStaff();
  const resend = useResendInvitation();
  const [editing, setEditing] = useState<AccountView | 'new' | null>(null);
  const zh = isZh(i18n.language);
  const list = (values: string[], key: string) =>
    values.length === 0
      ? t('administration.staff.none')
      : values.map((v) => t(`${key}.${v}`)).join(t('common.listSeparator'));

  if (orgs.isPending) return <LoadingState minHeight={320} />;
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;
  const org = orgs.data.find((o) => o.id === orgId);

  const setActive = (user: AccountView, active: boolean) =>
    toggle.mutate(
      { id: user.id, body: { active } },
      {
        onSuccess: (saved) =>
          notifications.show({ message: t('administration.staff.saved', { name: saved.name }) }),
        onError: (err) => notifications.show({ color: 'red', message: saveFailure(err, t) }),
      },
    );

  const resendInvitation = (user: AccountView) =>
    resend.mutate(user.id, {
      onSuccess: (saved) =>
        notifications.show({ message: t('staffInvitation.resent', { email: saved.email }) }),
      onError: (err) => notifications.show({ color: 'red', message: saveFailure(err, t) }),
    });

  return (
    <>
      <PageHeader
        title={t('administration.staff.title')}
        description={t(
          isAdmin ? 'administration.staff.descriptionAdmin' : 'administration.staff.descriptionLead',
        )}
        actions={
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing('new')}
            disabled={!org?.active}
            data-testid="staff-new"
          >
            {t('administration.staff.new')}
          </Button>
        }
      />
      <Group mb="md">
        <Select
          label={t('administration.staff.org')}
          placeholder={t('administration.staff.chooseOrg')}
          w={420}
          searchable
          allowDeselect={false}
          disabled={!isAdmin}
          data={orgs.data.map((o) => ({ value: o.id, label: zh ? o.nameZh : o.name }))}
          value={orgId}
          onChange={(v) => v && setParams({ org: v })}
          data-testid="staff-org"
        />
      </Group>
      <SectionCard padding="0">
        {staff.isPending ? (
          <LoadingState minHeight={200} />
        ) : staff.isError ? (
          <ErrorState error={staff.error} onRetry={() => void staff.refetch()} />
        ) : staff.data.length === 0 ? (
          <EmptyBlock title={t('administration.staff.empty')} icon={<IconUsers size={24} />} />
        ) : (
          <Table.ScrollContainer minWidth={960}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="staff-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('administration.staff.name')}</Table.Th>
                  <Table.Th>{t('administration.staff.role')}</Table.Th>
                  <Table.Th>{t('administration.staff.expertise')}</Table.Th>
                  <Table.Th>{t('administration.staff.languages')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('administration.staff.capacity')}</Table.Th>
                  <Table.Th>{t('administration.staff.status')}</Table.Th>
                  <Table.Th>{t('administration.staff.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {staff.data.map((u) => (
                  <Table.Tr key={u.id} data-testid={`staff-row-${u.email}`} opacity={u.active ? 1 : 0.6}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {u.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {u.email}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 170 }}>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{t(`vocab.role.${u.role}`)}</Text>
                        {u.lead && (
                          <Badge size="sm" variant="light" color="indigo">
                            {t('administration.staff.lead')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{list(u.expertise, 'vocab.ipType')}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {list(u.languages, 'administration.language')}
                    </Table.Td>
                    <Table.Td>{u.capacity}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 80 }}>
                      {u.active && u.invited ? (
                        <Badge color="yellow" variant="light" data-testid="staff-invited">
                          {t('staffInvitation.invited')}
                        </Badge>
                      ) : (
                        <Badge color={u.active ? 'teal' : 'gray'} variant="light">
                          {u.active ? t('administration.staff.active') : t('administration.staff.inactive')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="compact-sm" variant="light" onClick={() => setEditing(u)}>
                          {t('administration.staff.edit')}
                        </Button>
                        {u.active && u.invited && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            loading={resend.isPending && resend.variables === u.id}
                            onClick={() => resendInvitation(u)}
                          >
                            {t('staffInvitation.resend')}
                          </Button>
                        )}
                        {u.id !== session?.user.id && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color={u.active ? 'red' : 'teal'}
                            onClick={() => setActive(u, !u.active)}
                          >
                            {u.active
                              ? t('administration.staff.deactivate')
                              : t('administration.staff.reactivate')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </SectionCard>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('administration.staff.new') : t('administration.staff.edit')}
        size="lg"
      >
        {editing !== null && orgId && (
          <StaffForm
            orgId={orgId}
            user={editing === 'new' ? null : editing}
            mayNameLead={isAdmin}
            onDone={(saved) => {
              notifications.show({
                message: t(
                  editing !== 'new'
                    ? 'administration.staff.saved'
                    : saved.invited
                      ? 'staffInvitation.created'
                      : 'administration.staff.created',
                  { name: saved.name, email: saved.email },
                ),
              });
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </>
  );
}
