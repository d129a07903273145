import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The Sevenfold mark and name. */
export function BrandMark({ inverted = false, compact = false }: { inverted?: boolean; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={10} wrap="nowrap">
      <svg width={compact ? 28 : 34} height={compact ? 28 : 34} viewBox="0 0 32 32" aria-hidden>
        <rect width="32" height="32" rx="7" fill={inverted ? '#ffffff' : '#1c4e80'} />
        <path
          d="M9 10h14l-8 14"
          fill="none"
          stroke={inverted ? '#1c4e80' : '#ffffff'}
          strokeWidth="3.2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {/* in the app's header on a phone the name and tagline give their room to the switches beside them */}
      <Stack gap={0} visibleFrom={compact ? 'xs' : undefined}>
        <Text
          fw={750}
          fz={compact ? 16 : 20}
          lh={1.1}
          c={inverted ? 'white' : 'dark.8'}
          style={{ letterSpacing: 0.2 }}
        >
          Sevenfold
        </Text>
        <Text
          fz={compact ? 11 : 12}
          c={inverted ? 'indigo.1' : 'dimmed'}
          lh={1.2}
          visibleFrom={compact ? 'sm' : undefined}
        >
          {t('app.tagline')}
        </Text>
      </Stack>
    </Group>
  );
}
