import { Box, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card for one section of a page; `padding="0"` lets tables run edge to edge. */
export function SectionCard({
  title,
  extra,
  children,
  padding = 'md',
  id,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  padding?: 'md' | 'lg' | '0';
  id?: string;
}) {
  const hasHead = Boolean(title || extra);
  return (
    <Paper
      withBorder
      radius="md"
      id={id}
      component="section"
      aria-label={typeof title === 'string' ? title : undefined}
    >
      {hasHead && (
        <Group justify="space-between" px="md" pt="md" pb={padding === '0' ? 'sm' : 0} wrap="nowrap" gap="xs">
          {title && (
            <Text fw={650} size="sm" component="h2" m={0}>
              {title}
            </Text>
          )}
          {extra}
        </Group>
      )}
      <Box p={padding === '0' ? 0 : padding} pt={hasHead && padding !== '0' ? 'sm' : undefined}>
        {children}
      </Box>
    </Paper>
  );
}
