import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStats } from '../api/directory.js';
import { DecisionTimeChart } from '../stats/DecisionTimeChart.js';
import { WeeklyCasesChart } from '../stats/WeeklyCasesChart.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { SectionCard } from '../ui/SectionCard.js';

/** The center's figures: cases opened and closed per week, median days to decision vs the target. */
export function CenterCharts() {
  const { t } = useTranslation();
  const stats = useStats();
  if (stats.isPending) return <LoadingState minHeight={240} />;
  if (stats.isError) return <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />;
  const s = stats.data;
  return (
    <Stack gap="md">
      <SectionCard title={t('stats.weeklyTitle')}>
        <WeeklyCasesChart weekly={s.weekly} height={200} />
      </SectionCard>
      <SectionCard title={t('stats.decisionTitle')}>
        <DecisionTimeChart
          medianDays={s.fastTrack.medianDaysToDecision}
          targetWorkingDays={s.fastTrack.targetWorkingDays}
        />
      </SectionCard>
      <SectionCard title={t('stats.breachesTitle')}>
        <Text fz={26} fw={700} c={s.fastTrack.breaches > 0 ? 'red.7' : 'teal.7'}>
          {s.fastTrack.breaches}
        </Text>
        <Text size="xs" c="dimmed">
          {t('stats.breachesHint', { clocks: s.clocksBreached })}
        </Text>
      </SectionCard>
    </Stack>
  );
}
