import { Box, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../shared/vocabulary.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { BrandMark } from '../app/BrandMark.js';

/** The frame of the sign-in and registration pages: the product on the left, the form on the right. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box className="sf-auth">
      <Box className="sf-auth-brand" p={48}>
        <Stack gap="xl" maw={460}>
          <BrandMark inverted />
          <Stack gap="sm">
            <Title order={1} c="white" fz={30} fw={700} lh={1.3}>
              {t('auth.heroTitle')}
            </Title>
            <Text c="indigo.1" size="md">
              {t('auth.heroBody')}
            </Text>
          </Stack>
          <List
            spacing={8}
            size="sm"
            c="indigo.0"
            icon={
              <ThemeIcon size={20} radius="xl" color="indigo.4">
                <IconCheck size={12} />
              </ThemeIcon>
            }
          >
            <List.Item>{t('auth.point1')}</List.Item>
            <List.Item>{t('auth.point2')}</List.Item>
            <List.Item>{t('auth.point3')}</List.Item>
          </List>
          <Group gap={6}>
            {CHANNELS.map((c) => (
              <Text
                key={c}
                size="xs"
                c="indigo.1"
                px={8}
                py={2}
                style={{ border: '1px solid rgba(255,255,255,.25)', borderRadius: 12 }}
              >
                {t(`vocab.channel.${c}`)}
              </Text>
            ))}
          </Group>
        </Stack>
      </Box>
      <Box className="sf-auth-form" p="xl">
        <Group justify="flex-end" w="100%" maw={420} mb="lg">
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" radius="lg" p={36} w="100%" maw={420}>
          {children}
        </Paper>
      </Box>
    </Box>
  );
}
