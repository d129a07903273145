import { Button, Paper } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyBlock } from '../ui/EmptyBlock.js';

/** A page that does not exist (or that the user's role may not open). */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="xl" mt="xl" data-testid="not-found">
      <EmptyBlock
        icon={<IconMapOff size={24} />}
        title={t('app.notFoundTitle')}
        description={t('app.notFoundBody')}
        action={
          <Button component={Link} to="/" mt="md" variant="light">
            {t('app.goHome')}
          </Button>
        }
      />
    </Paper>
  );
}
