import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconSettings } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { sessionStore, type SessionUser } from '../auth/sessionStore.js';
import { clearComplaintDraft } from '../complaints/useComplaintDraft.js';

/** The signed-in user (name, role, organisation type) and sign-out. */
export function UserMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const signOut = () => {
    clearComplaintDraft(user.id);
    void navigate('/sign-in', { replace: true });
    sessionStore.end('signedOut');
    qc.clear();
  };
  return (
    <Menu position="bottom-end" width={220} withArrow>
      <Menu.Target>
        <UnstyledButton aria-label={t('nav.account')} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar radius="xl" size={32} color="indigo">
              {user.name.slice(0, 1)}
            </Avatar>
            <Stack gap={0} visibleFrom="sm">
              <Text size="sm" fw={600} lh={1.2} lineClamp={1} maw={260}>
                {user.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {t(`vocab.role.${user.role}`)}
                {user.orgType ? ` · ${t(`vocab.orgType.${user.orgType}`)}` : ''}
              </Text>
            </Stack>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item leftSection={<IconSettings size={16} />} onClick={() => void navigate('/settings')}>
          {t('account.menu')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={signOut} color="red">
          {t('nav.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
