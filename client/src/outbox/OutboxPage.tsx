import { Anchor, Badge, Button, Code, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxMailView, OutboxPage as OutboxPageData } from '../../../shared/mail/outboxView.js';
import { apiFetch } from '../api/http.js';
import { formatDateTime } from '../i18n/format.js';
import { PageHeader } from '../ui/PageHeader.js';
import { SectionCard } from '../ui/SectionCard.js';

const STATE_COLOR = { queued: 'yellow', sent: 'green', kept: 'indigo', failed: 'red' } as const;

/** Text with its addresses made into links (they open in a new tab). */
function Linked({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(/https?:\/\/[^\s"'<>)]+/g)) {
    parts.push(text.slice(last, m.index));
    parts.push(
      <Anchor key={m.index} href={m[0]} target="_blank" rel="noreferrer">
        {m[0]}
      </Anchor>,
    );
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(text.slice(last));
  return (
    <Text
      size="sm"
      style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
      data-testid="outbox-mail-text"
    >
      {parts}
    </Text>
  );
}

/** One mail, opened: its parts and its links. */
function MailView({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const mail = useQuery({
    queryKey: ['outbox', 'one', id],
    queryFn: ({ signal }) =>
      apiFetch<OutboxMailView>(`/api/mail/outbox/${encodeURIComponent(id)}`, { signal }),
  });
  const m = mail.data;
  return (
    <Modal opened onClose={onClose} size="lg" title={m?.subject ?? t('common.loading')}>
      {m && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge color={STATE_COLOR[m.state]}>{t(`outbox.states.${m.state}`)}</Badge>
            <Text size="sm">
              {t('outbox.to')}: {m.to}
            </Text>
            <Text size="sm" c="dimmed">
              {formatDateTime(m.createdAt, i18n.language)} · {m.locale}
            </Text>
          </Group>
          {m.links.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('outbox.links')}
              </Text>
              <List size="sm">
                {m.links.map((l) => (
                  <List.Item key={l}>
                    <Anchor href={l} target="_blank" rel="noreferrer" data-testid="outbox-link">
                      {l}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
          <Text size="sm" fw={600}>
            {t('outbox.text')}
          </Text>
          <Code block>
            <Linked text={m.text} />
          </Code>
          {m.lastError && (
            <Text size="sm" c="red">
              {t('outbox.lastError')}: {m.lastError}
            </Text>
          )}
        </Stack>
      )}
    </Modal>
  );
}

/** The platform administrator's outbox: every mail, newest first; without SMTP the mails stay here. */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const list = useInfiniteQuery({
    queryKey: ['outbox', 'list'],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<OutboxPageData>(
        `/api/mail/outbox?limit=30${pageParam ? `&before=${encodeURIComponent(pageParam)}` : ''}`,
        { signal },
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const delivery = list.data?.pages[0]?.delivery;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('outbox.title')}
        description={t('outbox.intro')}
        actions={
          delivery && (
            <Badge size="lg" variant="light" color={delivery === 'local' ? 'indigo' : 'green'}>
              {delivery === 'local' ? t('outbox.deliveryLocal') : t('outbox.deliverySmtp')}
            </Badge>
          )
        }
      />
      <SectionCard padding="0">
        <Table.ScrollContainer minWidth={720}>
          <Table highlightOnHover verticalSpacing="sm" data-testid="outbox-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('outbox.createdAt')}</Table.Th>
                <Table.Th>{t('outbox.to')}</Table.Th>
                <Table.Th>{t('outbox.subject')}</Table.Th>
                <Table.Th>{t('outbox.state')}</Table.Th>
                <Table.Th>{t('outbox.attempts')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(m.createdAt, i18n.language)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.to}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1}>
                      {m.subject}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLOR[m.state]} variant="light">
                      {t(`outbox.states.${m.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{m.attempts}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => setOpen(m.id)}>
                      {t('outbox.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {items.length === 0 && !list.isLoading && (
          <Text c="dimmed" size="sm" p="md">
            {t('outbox.empty')}
          </Text>
        )}
      </SectionCard>
      {list.hasNextPage && (
        <Button variant="light" w="fit-content" onClick={() => void list.fetchNextPage()}>
          {t('outbox.more')}
        </Button>
      )}
      {open && <MailView id={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}
