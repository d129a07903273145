import { ActionIcon, Group, Textarea, Tooltip } from '@mantine/core';
import { problemText } from '../api/problemText.js';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MESSAGE_BODY_MAX } from '../../../shared/schemas/messages.js';
import type { MessageVisibility } from '../../../shared/vocabulary.js';
import { useSendMessage } from '../api/messages.js';
import { useTypingSignal } from './useTypingSignal.js';

/** The message box of a conversation: Enter sends, Shift+Enter starts a new line. */
export function ChatComposer({
  caseId,
  visibility,
  label,
}: {
  caseId: string;
  visibility: MessageVisibility;
  label: string;
}) {
  const { t, i18n } = useTranslation();
  const [body, setBody] = useState('');
  const send = useSendMessage(caseId);
  const typing = useTypingSignal(caseId, visibility);
  const text = body.trim();
  const tooLong = text.length > MESSAGE_BODY_MAX;

  const submit = () => {
    if (!text || tooLong || send.isPending) return;
    typing.stop();
    send.mutate({ body: text, visibility }, { onSuccess: () => setBody('') });
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Textarea
          aria-label={label}
          placeholder={t('messages.placeholder')}
          autosize
          minRows={1}
          maxRows={6}
          value={body}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            typing.typed();
          }}
          onBlur={typing.stop}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
          error={
            tooLong
              ? t('validation.string.max', { label: t('messages.body'), limit: MESSAGE_BODY_MAX })
              : send.isError
                ? problemText(t, send.error, i18n.language)
                : undefined
          }
          style={{ flex: 1 }}
          name="message"
        />
        <Tooltip label={t('messages.send')} withArrow>
          <ActionIcon
            type="submit"
            size={36}
            radius="md"
            loading={send.isPending}
            disabled={!text || tooLong}
            aria-label={t('messages.send')}
          >
            <IconSend size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </form>
  );
}
