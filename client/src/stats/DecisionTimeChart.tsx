import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Median days from filing to the fast-track determination against the target of 10 working days
 * (about two calendar weeks): one bar, the target as a reference line.
 */
export function DecisionTimeChart({
  medianDays,
  targetWorkingDays,
  height = 120,
}: {
  medianDays: number | null;
  targetWorkingDays: number;
  height?: number;
}) {
  const { t } = useTranslation();
  // ten working days span two calendar weeks
  const targetCalendarDays = Math.round((targetWorkingDays / 5) * 7);
  if (medianDays === null) {
    return (
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t('stats.noDecisions')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('stats.target', { days: targetWorkingDays })}
        </Text>
      </Stack>
    );
  }
  const over = medianDays > targetCalendarDays;
  const axisMax = Math.ceil(Math.max(targetCalendarDays * 1.3, medianDays * 1.15) / 5) * 5;
  return (
    <Stack gap={6}>
      <Group gap="xs" align="baseline">
        <Text fz={26} fw={700} c={over ? 'red.7' : 'teal.7'}>
          {medianDays.toFixed(1)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('stats.daysMedian')}
        </Text>
      </Group>
      <BarChart
        h={height}
        data={[{ label: t('stats.median'), median: medianDays }]}
        dataKey="label"
        orientation="vertical"
        series={[{ name: 'median', color: over ? 'red.5' : 'teal.5', label: t('stats.median') }]}
        referenceLines={[
          {
            x: targetCalendarDays,
            color: 'orange.6',
            label: t('stats.targetShort', { days: targetWorkingDays }),
          },
        ]}
        xAxisProps={{ domain: [0, axisMax], type: 'number', allowDecimals: false }}
        yAxisProps={{ width: 56 }}
        gridAxis="x"
        withTooltip={false}
        maxBarWidth={26}
        aria-label={t('stats.decisionTitle')}
      />
      <Text size="xs" c="dimmed">
        {t('stats.target', { days: targetWorkingDays })}
      </Text>
    </Stack>
  );
}
