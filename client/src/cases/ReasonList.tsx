import { Badge, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Reason } from '../../../shared/intake/reason.js';
import { reasonText } from '../i18n/labels.js';

/** Reasons of a triage, routing or intake decision in plain words, with the weight each added. */
export function ReasonList({
  reasons,
  showWeights = true,
  size = 'sm',
}: {
  reasons: readonly Reason[];
  showWeights?: boolean;
  size?: 'xs' | 'sm';
}) {
  const { t, i18n } = useTranslation();
  return (
    <List size={size} spacing={4} c="var(--mantine-color-gray-8)">
      {reasons.map((r, i) => (
        <List.Item key={`${r.code}-${i}`}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Text size={size} style={{ flex: 1 }}>
              {reasonText(r, i18n.language)}
            </Text>
            {showWeights && (r.weight ?? 0) !== 0 && (
              <Badge
                size="xs"
                variant="light"
                color="gray"
                radius="sm"
                title={t('routing.weight')}
                style={{ flexShrink: 0 }}
              >
                +{r.weight}
              </Badge>
            )}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
