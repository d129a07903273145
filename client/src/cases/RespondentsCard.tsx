import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/views.js';
import type { ClockId } from '../../../shared/time/clockIds.js';
import { SERVICE_CLOCKS } from '../../../shared/machine/serviceRules.js';
import { formatDate, formatDateTime } from '../i18n/format.js';
import { clockLabel } from '../i18n/labels.js';
import { SectionCard } from '../ui/SectionCard.js';
import { useNow } from '../ui/useNow.js';
import { ClockBar } from './ClockBadge.js';

/**
 * Every respondent of a case: whether they joined, their own service, consent and signature, and the
 * countdown of the periods that run from service (for the case, from the last service).
 */
export function RespondentsCard({ caseView }: { caseView: CaseView }) {
  const { t, i18n } = useTranslation();
  const now = useNow(1000);
  const respondents = caseView.service?.respondents ?? [];
  if (respondents.length === 0) return null;
  const periods = caseView.clocks.filter((c) => SERVICE_CLOCKS.includes(c.clock as ClockId));
  const waiting = (caseView.service?.awaiting ?? []).filter((c) => SERVICE_CLOCKS.includes(c));
  return (
    <SectionCard title={t('respondents.card.title')}>
      <Stack gap="sm" data-testid="respondents">
        <Text size="xs" c="dimmed">
          {respondents.length > 1
            ? t('respondents.card.introSeveral', { count: respondents.length })
            : t('respondents.card.introOne')}
        </Text>
        {respondents.map((r) => (
          <Stack key={r.slot} gap={2} data-testid={`respondent-${r.slot}`}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={600} lineClamp={1}>
                {r.name}
                {r.you ? t('respondents.card.you') : ''}
              </Text>
              <Badge size="xs" variant="light" color={r.linked ? 'teal' : 'gray'} tt="none">
                {r.linked ? t('respondents.card.linked') : t('respondents.card.notLinked')}
              </Badge>
            </Group>
            <Text size="xs" c={r.served ? undefined : 'red.9'}>
              {r.served
                ? t('respondents.card.served', {
                    at: formatDate(r.served.servedAt, i18n.language),
                    means: t(`vocab.serviceMeans.${r.served.means}`),
                  })
                : t('respondents.card.notServed')}
            </Text>
            {(r.consented || r.signed) && (
              <Group gap={6}>
                {r.consented && (
                  <Badge size="xs" variant="outline" color="indigo" tt="none">
                    {t('respondents.card.consented')}
                  </Badge>
                )}
                {r.signed && (
                  <Badge size="xs" variant="outline" color="indigo" tt="none">
                    {t('respondents.card.signed')}
                  </Badge>
                )}
              </Group>
            )}
          </Stack>
        ))}
        {periods.map((c) => (
          <Stack key={c.clock} gap={4} data-testid={`respondents-period-${c.clock}`}>
            <Text size="xs">
              {t('respondents.card.period', {
                clock: clockLabel(c.clock, i18n.language),
                at: formatDateTime(c.dueAt, i18n.language),
              })}
            </Text>
            <ClockBar clock={c} now={now} />
          </Stack>
        ))}
        {waiting.map((clock) => (
          <Text key={clock} size="xs" c="dimmed">
            {t('respondents.card.periodWaiting', { clock: clockLabel(clock, i18n.language) })}
          </Text>
        ))}
      </Stack>
    </SectionCard>
  );
}
