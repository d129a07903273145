import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/views.js';
import { clockParty } from '../../../shared/time/clockParty.js';
import type { ClockId } from '../../../shared/time/clockIds.js';
import { formatDateTime } from '../i18n/format.js';
import { clockLabel } from '../i18n/labels.js';
import { SectionCard } from '../ui/SectionCard.js';
import { useNow } from '../ui/useNow.js';
import { ClockBar } from './ClockBadge.js';

/**
 * The running legal clocks of a case, counting down live, each with who must act; the periods that
 * wait for the respondent's service, and the service once recorded.
 */
export function ClocksCard({ caseView }: { caseView: CaseView }) {
  const { t, i18n } = useTranslation();
  const now = useNow(1000);
  const party = (clock: string) => t(`invitation.party.${clockParty(clock as ClockId)}`);
  const { served, awaiting } = caseView.service ?? { served: null, awaiting: [] };
  const empty = caseView.clocks.length === 0 && awaiting.length === 0;
  return (
    <SectionCard title={t('clock.title')}>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('clock.noneRunning')}
        </Text>
      ) : (
        <Stack gap="md" data-testid="clocks">
          {caseView.clocks.map((c) => (
            <Stack key={c.clock} gap={4} data-testid={`clock-${c.clock}`}>
              <Group gap={6}>
                <Badge size="sm" variant="light" color="gray">
                  {party(c.clock)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {t('invitation.party.mustAct', {
                    party: party(c.clock),
                    at: formatDateTime(c.dueAt, i18n.language),
                    clock: clockLabel(c.clock, i18n.language),
                  })}
                </Text>
              </Group>
              <ClockBar clock={c} now={now} />
            </Stack>
          ))}
          {awaiting.map((clock) => (
            <Group key={clock} gap={6} data-testid={`awaiting-${clock}`}>
              <Badge size="sm" variant="light" color="orange">
                {party(clock)}
              </Badge>
              <Text size="sm">
                {t('invitation.party.awaiting', {
                  party: party(clock),
                  clock: clockLabel(clock, i18n.language),
                })}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {served && (
        <Text size="xs" c="dimmed" mt="sm" data-testid="service">
          {t('invitation.party.served', {
            at: formatDateTime(served.servedAt, i18n.language),
            means: t(`vocab.serviceMeans.${served.means}`),
          })}
        </Text>
      )}
    </SectionCard>
  );
}
