import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/views.js';
import { SectionCard } from '../ui/SectionCard.js';
import { useNow } from '../ui/useNow.js';
import { ClockBar } from './ClockBadge.js';

/** The running legal clocks of a case, counting down live. */
export function ClocksCard({ caseView }: { caseView: CaseView }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  return (
    <SectionCard title={t('clock.title')}>
      {caseView.clocks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('clock.noneRunning')}
        </Text>
      ) : (
        <Stack gap="md" data-testid="clocks">
          {caseView.clocks.map((c) => (
            <ClockBar key={c.clock} clock={c} now={now} />
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
