import { Badge, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/views.js';
import type { MessageVisibility } from '../../../shared/vocabulary.js';
import { useMessages } from '../api/messages.js';
import { useSession } from '../auth/useSession.js';
import { useTyping } from '../realtime/hooks.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { ChatComposer } from './ChatComposer.js';
import { ChatThread } from './ChatThread.js';
import { messageTabsFor } from './messageTabs.js';

/** Case messages: the joint conversation and the caucuses the user may read, live, with typing. */
export function MessagesPanel({ caseView, height = 420 }: { caseView: CaseView; height?: number }) {
  const { t } = useTranslation();
  const session = useSession();
  const userId = session?.user.id ?? '';
  const tabs = messageTabsFor(userId, caseView);
  const [tab, setTab] = useState<MessageVisibility>('joint');
  const current = tabs.includes(tab) ? tab : 'joint';
  const messages = useMessages(caseView.id);
  const typing = useTyping(caseView.id).filter((x) => x.user.id !== userId);
  const closed = caseView.status === 'closed';

  if (messages.isPending) return <LoadingState />;
  if (messages.isError) return <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />;
  const of = (v: MessageVisibility) => messages.data.filter((m) => m.visibility === v);
  const typingHere = typing.filter((x) => x.visibility === current);

  return (
    <Tabs value={current} onChange={(v) => v && setTab(v as MessageVisibility)} keepMounted={false}>
      {tabs.length > 1 && (
        <Tabs.List mb="sm">
          {tabs.map((v) => (
            <Tabs.Tab
              key={v}
              value={v}
              rightSection={
                of(v).length > 0 ? (
                  <Badge size="xs" variant="light" miw={18}>
                    {of(v).length}
                  </Badge>
                ) : undefined
              }
            >
              {t(`vocab.visibilityShort.${v}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      )}
      {tabs.map((v) => (
        <Tabs.Panel key={v} value={v}>
          <Stack gap="xs">
            {v !== 'joint' && (
              <Text size="xs" c="dimmed">
                {t('messages.caucusNote')}
              </Text>
            )}
            <ChatThread messages={of(v)} userId={userId} height={height} />
            <Text size="xs" c="dimmed" h={18} aria-live="polite">
              {typingHere.length > 0
                ? t('messages.typing', {
                    names: typingHere.map((x) => x.user.name).join(t('common.listSeparator')),
                  })
                : ''}
            </Text>
            {closed ? (
              <Text size="sm" c="dimmed">
                {t('messages.closed')}
              </Text>
            ) : (
              <ChatComposer
                caseId={caseView.id}
                visibility={v}
                label={t('messages.composeIn', { where: t(`vocab.visibility.${v}`) })}
              />
            )}
          </Stack>
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
