import { Button, Paper } from '@mantine/core';
import { IconFileOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyBlock } from '../ui/EmptyBlock.js';

/** Shown for a case that does not exist or that the user may not see (the API answers 404 alike). */
export function CaseNotFound({ home }: { home: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="xl" mt="xl" data-testid="case-not-found">
      <EmptyBlock
        icon={<IconFileOff size={24} />}
        title={t('case.notFoundTitle')}
        description={t('case.notFoundBody')}
        action={
          <Button component={Link} to={home} mt="md" variant="light">
            {t('case.backHome')}
          </Button>
        }
      />
    </Paper>
  );
}
