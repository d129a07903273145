import { Anchor, Divider, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseSummaryView } from '../../../shared/api/views.js';
import { formatDateTime } from '../i18n/format.js';
import { clockLabel } from '../i18n/labels.js';
import { ChannelBadge, StatusBadge, stageText } from './CaseBadges.js';
import { ClockBadge } from './ClockBadge.js';
import { nextClock } from './clockState.js';

/** Optional columns of {@link CaseTable}. */
export type CaseColumn = 'parties' | 'channel' | 'clock' | 'updated' | 'filed' | 'ipType';

/** A table of cases: number and title (links), status and stage, channel, next clock, dates. */
export function CaseTable({
  cases,
  now,
  columns = ['parties', 'channel', 'clock', 'updated'],
  highlight,
  rowExtra,
  linkTo = (c) => `/cases/${c.id}`,
  compact = false,
}: {
  cases: readonly CaseSummaryView[];
  now: number;
  columns?: CaseColumn[];
  highlight?: (c: CaseSummaryView) => boolean;
  rowExtra?: (c: CaseSummaryView) => ReactNode;
  linkTo?: (c: CaseSummaryView) => string;
  /** Case number above the title instead of its own column (narrow panels). */
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const has = (c: CaseColumn) => columns.includes(c);
  // on a phone a row of columns leaves the title a few characters: each case becomes a card instead
  const phone = useMediaQuery('(max-width: 36em)');
  if (phone) {
    return (
      <Stack gap={0} data-testid="case-cards">
        {cases.map((c, i) => {
          const clock = has('clock') ? nextClock(c.clocks) : undefined;
          return (
            <Stack
              key={c.id}
              gap={6}
              py="sm"
              px="xs"
              data-case-id={c.id}
              bg={highlight?.(c) ? 'var(--mantine-color-indigo-0)' : undefined}
            >
              {i > 0 && <Divider mb={6} />}
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="xs" ff="monospace" fw={600} c="indigo.7">
                  {c.caseNo}
                </Text>
                <StatusBadge status={c.status} />
              </Group>
              <Anchor component={Link} to={linkTo(c)} c="inherit" fw={600} lineClamp={3}>
                {c.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {c.status === 'closed' && c.closureReason
                  ? t(`vocab.closure.${c.closureReason}`)
                  : stageText(c.stage, t)}
                {has('parties') ? ` · ${c.complainant.name} ↔ ${c.respondent.name}` : ''}
              </Text>
              <Group gap={6}>
                {has('channel') && <ChannelBadge channel={c.channel} />}
                {clock && <ClockBadge clock={clock} now={now} />}
                {rowExtra?.(c)}
              </Group>
            </Stack>
          );
        })}
      </Stack>
    );
  }
  return (
    <ScrollArea type="auto">
      <Table
        verticalSpacing="sm"
        horizontalSpacing="md"
        highlightOnHover
        striped={false}
        miw={compact ? 620 : 760}
      >
        <Table.Thead>
          <Table.Tr>
            {!compact && <Table.Th w={170}>{t('cases.col.caseNo')}</Table.Th>}
            <Table.Th>{t('cases.col.title')}</Table.Th>
            <Table.Th w={compact ? 150 : 190}>{t('cases.col.status')}</Table.Th>
            {has('channel') && <Table.Th w={150}>{t('cases.col.channel')}</Table.Th>}
            {has('ipType') && <Table.Th w={120}>{t('cases.col.ipType')}</Table.Th>}
            {has('clock') && <Table.Th w={compact ? 180 : 200}>{t('cases.col.nextClock')}</Table.Th>}
            {has('filed') && <Table.Th w={150}>{t('cases.col.filed')}</Table.Th>}
            {has('updated') && <Table.Th w={150}>{t('cases.col.updated')}</Table.Th>}
            {rowExtra && <Table.Th w={1} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((c) => {
            const clock = nextClock(c.clocks);
            return (
              <Table.Tr
                key={c.id}
                bg={highlight?.(c) ? 'var(--mantine-color-indigo-0)' : undefined}
                data-case-id={c.id}
              >
                {!compact && (
                  <Table.Td>
                    <Anchor component={Link} to={linkTo(c)} fw={600} size="sm" ff="monospace">
                      {c.caseNo}
                    </Anchor>
                  </Table.Td>
                )}
                <Table.Td>
                  <Stack gap={2}>
                    {compact && (
                      <Text size="xs" ff="monospace" fw={600} c="indigo.7">
                        {c.caseNo}
                      </Text>
                    )}
                    <Anchor component={Link} to={linkTo(c)} c="inherit" size="sm" fw={550} lineClamp={1}>
                      {c.title}
                    </Anchor>
                    {has('parties') && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {t(`vocab.ipType.${c.ipType}`)}
                        {compact && c.industry ? ` · ${c.industry}` : ''} · {c.complainant.name} ↔{' '}
                        {c.respondent.name}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <StatusBadge status={c.status} />
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {c.status === 'closed' && c.closureReason
                        ? t(`vocab.closure.${c.closureReason}`)
                        : stageText(c.stage, t)}
                    </Text>
                  </Stack>
                </Table.Td>
                {has('channel') && (
                  <Table.Td>
                    <ChannelBadge channel={c.channel} />
                  </Table.Td>
                )}
                {has('ipType') && (
                  <Table.Td>
                    <Text size="sm">{t(`vocab.ipType.${c.ipType}`)}</Text>
                  </Table.Td>
                )}
                {has('clock') && (
                  <Table.Td>
                    {clock ? (
                      <Stack gap={2} align="flex-start">
                        <ClockBadge clock={clock} now={now} showLabel={false} />
                        <Text
                          size="xs"
                          c="dimmed"
                          lineClamp={1}
                          title={clockLabel(clock.clock, i18n.language)}
                        >
                          {clockLabel(clock.clock, i18n.language)}
                        </Text>
                      </Stack>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('clock.none')}
                      </Text>
                    )}
                  </Table.Td>
                )}
                {has('filed') && (
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(c.filedAt, i18n.language)}
                    </Text>
                  </Table.Td>
                )}
                {has('updated') && (
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(c.updatedAt, i18n.language)}
                    </Text>
                  </Table.Td>
                )}
                {rowExtra && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {rowExtra(c)}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
