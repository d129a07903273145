import { Stack, Text, ThemeIcon } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A friendly empty state: an icon, a title, an explanation and an optional action. */
export function EmptyBlock({
  title,
  description,
  icon,
  action,
  compact = false,
}: {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
  compact?: boolean;
}) {
  return (
    <Stack align="center" gap={6} py={compact ? 'md' : 48} px="md" ta="center">
      <ThemeIcon size={compact ? 36 : 48} radius="xl" variant="light" color="gray">
        {icon ?? <IconInbox size={compact ? 18 : 24} />}
      </ThemeIcon>
      <Text fw={600} size={compact ? 'sm' : 'md'}>
        {title}
      </Text>
      {description && (
        <Text size="sm" c="dimmed" maw={420}>
          {description}
        </Text>
      )}
      {action}
    </Stack>
  );
}
