import { Badge, Button, Group, Modal, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuildingCommunity, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAdminOrgs, useSaveOrg } from '../api/administration.js';
import type { OrgView } from '../api/types.js';
import { isZh } from '../i18n/labels.js';
import { EmptyBlock } from '../ui/EmptyBlock.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { PageHeader } from '../ui/PageHeader.js';
import { SectionCard } from '../ui/SectionCard.js';
import { OrgForm } from './OrgForm.js';
import { saveFailure } from './saveFailure.js';

/** The platform supervisor's organisations: create, edit, deactivate and reactivate (each audited). */
export function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const orgs = useAdminOrgs();
  const toggle = useSaveOrg();
  const [editing, setEditing] = useState<OrgView | 'new' | null>(null);
  const zh = isZh(i18n.language);

  if (orgs.isPending) return <LoadingState minHeight={320} />;
  if (orgs.isError) return <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />;

  const setActive = (org: OrgView, active: boolean) =>
    toggle.mutate(
      { create: false, id: org.id, body: { active } },
      {
        onSuccess: (saved) =>
          notifications.show({
            message: t('administration.orgs.saved', { name: zh ? saved.nameZh : saved.name }),
          }),
        onError: (err) => notifications.show({ color: 'red', message: saveFailure(err, t) }),
      },
    );

  return (
    <>
      <PageHeader
        title={t('administration.orgs.title')}
        description={t('administration.orgs.description')}
        actions={
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing('new')}
            data-testid="org-new"
          >
            {t('administration.orgs.new')}
          </Button>
        }
      />
      <SectionCard padding="0">
        {orgs.data.length === 0 ? (
          <EmptyBlock title={t('administration.orgs.empty')} icon={<IconBuildingCommunity size={24} />} />
        ) : (
          <Table.ScrollContainer minWidth={960}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="org-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('administration.orgs.nameZh')}</Table.Th>
                  <Table.Th>{t('administration.orgs.type')}</Table.Th>
                  <Table.Th>{t('administration.orgs.channel')}</Table.Th>
                  <Table.Th>{t('administration.orgs.capacity')}</Table.Th>
                  <Table.Th>{t('administration.orgs.expertise')}</Table.Th>
                  <Table.Th>{t('administration.orgs.region')}</Table.Th>
                  <Table.Th>{t('administration.orgs.status')}</Table.Th>
                  <Table.Th>{t('administration.orgs.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {orgs.data.map((o) => (
                  <Table.Tr key={o.id} data-testid={`org-row-${o.id}`} opacity={o.active ? 1 : 0.6}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {zh ? o.nameZh : o.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {zh ? o.name : o.nameZh} · {o.id}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`vocab.orgType.${o.type}`)}</Table.Td>
                    <Table.Td>
                      {o.channel ? t(`vocab.channel.${o.channel}`) : t('administration.orgs.channelNone')}
                    </Table.Td>
                    <Table.Td>{o.capacity ?? t('administration.orgs.capacityNone')}</Table.Td>
                    <Table.Td>
                      {o.expertise.length === 0
                        ? t('administration.orgs.expertiseAll')
                        : o.expertise.map((ip) => t(`vocab.ipType.${ip}`)).join(t('common.listSeparator'))}
                    </Table.Td>
                    <Table.Td>{o.region}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 80 }}>
                      <Badge color={o.active ? 'teal' : 'gray'} variant="light">
                        {o.active ? t('administration.orgs.active') : t('administration.orgs.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="compact-sm" variant="light" onClick={() => setEditing(o)}>
                          {t('administration.orgs.edit')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          component={Link}
                          to={`/admin/staff?org=${encodeURIComponent(o.id)}`}
                        >
                          {t('administration.orgs.staff')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color={o.active ? 'red' : 'teal'}
                          onClick={() => setActive(o, !o.active)}
                        >
                          {o.active
                            ? t('administration.orgs.deactivate')
                            : t('administration.orgs.reactivate')}
                        </Button>
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
        title={editing === 'new' ? t('administration.orgs.new') : t('administration.orgs.edit')}
        size="lg"
      >
        {editing !== null && (
          <OrgForm
            org={editing === 'new' ? null : editing}
            onDone={(saved) => {
              notifications.show({
                message: t(editing === 'new' ? 'administration.orgs.created' : 'administration.orgs.saved', {
                  name: zh ? saved.nameZh : saved.name,
                }),
              });
              setEditing(null);
            }}
          />
        )}
      </Modal>
    </>
  );
}
