import { Alert, Button, Checkbox, Code, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { problemText } from '../api/problemText.js';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/views.js';
import { isApiError } from '../api/ApiError.js';
import { useCaseAction } from '../api/cases.js';
import { useAgreement } from '../api/documents.js';
import { formatDateTime } from '../i18n/format.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';

/**
 * Signing the mediation agreement on its text: the full text being signed and its SHA-256 are shown,
 * the party confirms having read it, and the signature names that hash (the server refuses it if the
 * draft changed meanwhile, and the dialog then shows the new text).
 */
export function SignAgreementForm({
  caseView,
  onDone,
  onCancel,
}: {
  caseView: Pick<CaseView, 'id' | 'seq'>;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const agreement = useAgreement(caseView.id, caseView.seq);
  const act = useCaseAction(caseView.id);
  const [read, setRead] = useState(false);
  const [changed, setChanged] = useState(false);

  if (agreement.isPending) return <LoadingState minHeight={160} />;
  if (agreement.isError)
    return <ErrorState error={agreement.error} onRetry={() => void agreement.refetch()} />;
  const draft = agreement.data;
  if (!draft) return <Text size="sm">{t('documents.sign.noDraft')}</Text>;

  const sign = async () => {
    try {
      await act.mutateAsync({
        type: 'SIGN_AGREEMENT',
        agreementSha256: draft.sha256,
        expectedSeq: caseView.seq,
      });
      notifications.show({ color: 'teal', message: t('documents.sign.done') });
      onDone();
    } catch (err) {
      if (isApiError(err, 409) && err.code === 'agreementChanged') {
        // the draft (or the case) changed: show the current text and ask again
        setChanged(true);
        setRead(false);
        await qc.invalidateQueries({ queryKey: ['cases', 'one', caseView.id] });
        return;
      }
      notifications.show({
        color: 'red',
        title: t('actions.failed'),
        message: problemText(t, err, i18n.language),
      });
    }
  };

  return (
    <Stack gap="sm" data-testid="sign-agreement">
      {changed && (
        <Alert color="orange" data-testid="agreement-changed">
          {t('documents.sign.changed')}
        </Alert>
      )}
      <Text size="sm">{t('documents.sign.intro')}</Text>
      <Paper withBorder p="sm" radius="sm" bg="var(--mantine-color-gray-0)">
        <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}
            data-testid="agreement-text"
            lang="zh-CN"
          >
            {draft.text}
          </Text>
        </ScrollArea.Autosize>
      </Paper>
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {t('documents.sign.hash')}
        </Text>
        <Code block fz="xs" style={{ wordBreak: 'break-all' }} data-testid="agreement-sha256">
          {draft.sha256}
        </Code>
      </Stack>
      {draft.signatures.length > 0 && (
        <Stack gap={2}>
          {draft.signatures.map((s) => (
            <Text key={`${s.side}-${s.at}`} size="xs" c="dimmed">
              {t('documents.agreement.signedBy', {
                name: s.name,
                side: t(`documents.side.${s.side}`),
                time: formatDateTime(s.at, i18n.language),
              })}
            </Text>
          ))}
        </Stack>
      )}
      <Checkbox
        checked={read}
        onChange={(e) => setRead(e.currentTarget.checked)}
        label={t('documents.sign.confirm')}
        data-testid="agreement-read"
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('documents.sign.cancel')}
        </Button>
        <Button
          disabled={!read}
          loading={act.isPending}
          onClick={() => void sign()}
          data-testid="agreement-sign"
        >
          {t('documents.sign.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
