import { Anchor, Box, Container, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { BrandMark } from '../app/BrandMark.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { PUBLIC_LINKS } from './publicLinks.js';

/** The frame of the public pages (no sign-in): brand, the public pages, language, sign-in. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Anchor component={Link} to="/help" underline="never" aria-label="Sevenfold">
              <BrandMark />
            </Anchor>
            <Group component="nav" aria-label={t('public.nav.label')} gap="md" wrap="wrap">
              {PUBLIC_LINKS.map((l) => (
                <Anchor
                  key={l.to}
                  component={NavLink}
                  to={l.to}
                  size="sm"
                  fw={500}
                  style={({ isActive }: { isActive: boolean }) => ({
                    textDecoration: isActive ? 'underline' : 'none',
                  })}
                >
                  {t(l.labelKey)}
                </Anchor>
              ))}
              <LanguageSwitch />
              <Anchor component={Link} to="/sign-in" size="sm" fw={600}>
                {t('public.nav.signIn')}
              </Anchor>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container component="main" id="main" size="lg" py="xl">
        <Outlet />
      </Container>
    </Box>
  );
}
