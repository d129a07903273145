import { Alert, Button, Group, Text } from '@mantine/core';
import { problemText } from '../api/problemText.js';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** An error panel with the server's explanation and a retry button. */
export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const { t, i18n } = useTranslation();
  const detail = problemText(t, error, i18n.language);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={title ?? t('common.errorTitle')}
      role="alert"
    >
      <Group justify="space-between" align="center" wrap="nowrap">
        <Text size="sm">{detail}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
