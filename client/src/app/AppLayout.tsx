import { AppShell, Burger, Group, Loader, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/useSession.js';
import { useSessionExpiry } from '../auth/useSessionExpiry.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { NotificationBell } from '../notifications/NotificationBell.js';
import { BrandMark } from './BrandMark.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { navItems } from './navItems.js';
import { loadScreen } from './screens.js';
import { UserMenu } from './UserMenu.js';

/** The frame of the signed-in app: header (brand, live state, language, account) and the role's navigation. */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  useSessionExpiry(session);
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  // a navigation waits on screen (React keeps the page) while the next screen's code loads: its
  // entry shows a spinner meanwhile; the code is fetched as soon as the pointer or focus is on it
  const [pending, setPending] = useState<{ to: string; from: string } | null>(null);
  if (pending && pending.from !== location.pathname) setPending(null);
  if (!session) return null;
  const items = navItems(session.user);
  const user = session.user;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a href="#main" className="sf-skip-link">
        {t('nav.skip')}
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <BrandMark compact />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <ConnectionIndicator />
            <NotificationBell />
            <LanguageSwitch />
            <UserMenu user={session.user} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.main')}>
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={4}>
            {items.map((item) => {
              const active = item.end ? location.pathname === item.to : location.pathname.startsWith(item.to);
              return (
                <NavLink
                  key={item.to}
                  component={RouterNavLink}
                  to={item.to}
                  end={item.end}
                  label={t(item.labelKey)}
                  leftSection={<item.icon size={18} stroke={1.7} />}
                  active={active}
                  onMouseEnter={() => void loadScreen(item.to, user)}
                  onFocus={() => void loadScreen(item.to, user)}
                  onClick={() => {
                    close();
                    if (!active) setPending({ to: item.to, from: location.pathname });
                  }}
                  rightSection={
                    pending?.to === item.to ? (
                      <Loader size={14} aria-label={t('common.loading')} />
                    ) : undefined
                  }
                  variant="light"
                  style={{ borderRadius: 8 }}
                  fw={active ? 600 : 500}
                />
              );
            })}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="xs" pb="xs">
            {t('app.footer')}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" bg="var(--mantine-color-gray-0)">
        <div className="sf-page">
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
