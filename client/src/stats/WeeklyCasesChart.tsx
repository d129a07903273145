import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { WeeklyCount } from '../api/types.js';

/** Cases opened and closed per ISO week (the last 12 weeks, oldest first). */
export function WeeklyCasesChart({ weekly, height = 220 }: { weekly: WeeklyCount[]; height?: number }) {
  const { t } = useTranslation();
  const data = weekly.map((w) => ({
    week: w.week.replace(/^\d{4}-/, ''),
    opened: w.opened,
    closed: w.closed,
  }));
  return (
    <BarChart
      h={height}
      data={data}
      dataKey="week"
      series={[
        { name: 'opened', color: 'indigo.5', label: t('stats.opened') },
        { name: 'closed', color: 'teal.5', label: t('stats.closed') },
      ]}
      withLegend
      legendProps={{ verticalAlign: 'top', height: 32 }}
      tickLine="none"
      gridAxis="y"
      yAxisProps={{ allowDecimals: false, width: 28 }}
      xAxisProps={{ interval: 1 }}
      maxBarWidth={14}
      aria-label={t('stats.weeklyTitle')}
    />
  );
}
