import { Button, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/ApiError.js';
import { problemText } from '../api/problemText.js';

/**
 * A small button that downloads one form of the case file (`save` fetches it with the bearer token and
 * saves it), spinning meanwhile; a failure is told in the UI's language (the server's problem, or a
 * "try again" when the network failed).
 */
export function CaseFileDownloadButton({
  save,
  label,
  hint,
  icon,
  testId,
}: {
  save: () => Promise<void>;
  label: string;
  hint: string;
  icon: ReactNode;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await save();
    } catch (err) {
      notifications.show({
        color: 'red',
        title: t('case.file.failed'),
        message:
          isApiError(err) && !err.isNetwork
            ? problemText(t, err, i18n.language)
            : t('evidence.downloadRetry'),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip label={hint} withArrow multiline maw={320}>
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={icon}
        loading={busy}
        onClick={() => void download()}
        data-testid={testId}
      >
        {label}
      </Button>
    </Tooltip>
  );
}
