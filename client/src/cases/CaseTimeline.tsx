import { Alert, Anchor, Badge, Blockquote, Group, Text, ThemeIcon, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconAlarm,
  IconBuildingBank,
  IconCheck,
  IconFileUpload,
  IconFlag,
  IconGavel,
  IconMessage,
  IconRoute,
  IconUserCheck,
  IconX,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseEventView, CaseView } from '../../../shared/api/views.js';
import { saveSessionInvite } from '../api/calendar.js';
import { useCaseEvents, useCaseIntegrity } from '../api/cases.js';
import { useSession } from '../auth/useSession.js';
import { formatDateTime } from '../i18n/format.js';
import { EmptyBlock } from '../ui/EmptyBlock.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { eventLine } from './eventSentence.js';

const HIDDEN = new Set(['MESSAGE_POSTED']);

function iconOf(ev: CaseEventView): { icon: ReactNode; color: string } {
  const s = 14;
  switch (ev.type) {
    case 'FILED':
      return { icon: <IconFlag size={s} />, color: 'indigo' };
    case 'REJECT':
    case 'WITHDRAW':
    case 'DECLINE':
    case 'DECLINE_ASSIGNMENT':
    case 'DECLARE_IMPASSE':
      return { icon: <IconX size={s} />, color: 'red' };
    case 'ROUTE':
    case 'TRANSFER':
      return { icon: <IconRoute size={s} />, color: 'indigo' };
    case 'ORG_ASSIGNED':
      return { icon: <IconBuildingBank size={s} />, color: 'gray' };
    case 'DEADLINE':
    case 'CLOCK_WARNING':
      return { icon: <IconAlarm size={s} />, color: 'orange' };
    case 'EVIDENCE_ADDED':
      return { icon: <IconFileUpload size={s} />, color: 'cyan' };
    case 'MESSAGE_POSTED':
      return { icon: <IconMessage size={s} />, color: 'gray' };
    case 'ASSIGN_MEDIATOR':
    case 'ACCEPT_ASSIGNMENT':
    case 'APPOINT_ARBITRATOR':
    case 'ASSIGN_INVESTIGATOR':
      return { icon: <IconUserCheck size={s} />, color: 'grape' };
    case 'RENDER_JUDGMENT':
    case 'RENDER_AWARD':
    case 'DETERMINE':
    case 'CONFIRM_AGREEMENT':
      return { icon: <IconGavel size={s} />, color: 'teal' };
    default:
      return { icon: <IconCheck size={s} />, color: 'blue' };
  }
}

/** The case timeline in plain words, newest last, kept live by the case feed. */
export function CaseTimeline({
  caseView,
  newestFirst = false,
}: {
  caseView: CaseView;
  newestFirst?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const events = useCaseEvents(caseView.id);
  const integrity = useCaseIntegrity(caseView.id);
  if (events.isPending) return <LoadingState />;
  if (events.isError) return <ErrorState error={events.error} onRetry={() => void events.refetch()} />;
  const shown = events.data.filter((ev) => !HIDDEN.has(ev.type));
  if (shown.length === 0) return <EmptyBlock compact title={t('timeline.empty')} />;
  const ordered = newestFirst ? [...shown].reverse() : shown;
  const broken = integrity.data && !integrity.data.intact ? integrity.data : null;
  return (
    <>
      {broken && (
        <Alert
          color="red"
          variant="light"
          mb="md"
          icon={<IconAlertTriangle size={18} />}
          title={t('timeline.integrity.title')}
          data-testid="integrity-broken"
        >
          {t(`timeline.integrity.${broken.problem ?? 'content'}`, { seq: broken.brokenAtSeq })}{' '}
          {t('timeline.integrity.advice')}
        </Alert>
      )}
      <Timeline
        bulletSize={26}
        lineWidth={2}
        active={newestFirst ? 0 : ordered.length - 1}
        data-testid="timeline"
      >
        {ordered.map((ev) => {
          const line = eventLine(ev, caseView, session?.user.id ?? '', t, i18n.language);
          const { icon, color } = iconOf(ev);
          return (
            <Timeline.Item
              key={ev.seq}
              bullet={
                <ThemeIcon size={26} radius="xl" color={color} variant="light">
                  {icon}
                </ThemeIcon>
              }
              data-seq={ev.seq}
              data-type={ev.type}
            >
              <Text size="sm" fw={550}>
                {line.sentence}
              </Text>
              <Group gap={6} mt={2}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(ev.at, i18n.language)}
                </Text>
                {line.facts.map((f) => (
                  <Badge
                    key={f}
                    size="xs"
                    variant="light"
                    color="gray"
                    radius="sm"
                    tt="none"
                    ff={f.startsWith('SHA') ? 'monospace' : undefined}
                  >
                    {f}
                  </Badge>
                ))}
                {ev.type === 'SCHEDULE_SESSION' && (
                  <Anchor
                    component="button"
                    type="button"
                    size="xs"
                    data-testid="session-ics"
                    onClick={() =>
                      void saveSessionInvite(
                        caseView.id,
                        ev.seq,
                        i18n.language,
                        `${caseView.caseNo}-${ev.tags.includes('hearing') ? 'hearing' : 'session'}-${ev.seq}.ics`,
                      ).catch(() =>
                        notifications.show({ color: 'red', message: t('timeline.calendarFailed') }),
                      )
                    }
                  >
                    {t('timeline.addToCalendar')}
                  </Anchor>
                )}
              </Group>
              {line.detail && (
                <Blockquote
                  color="gray"
                  p="xs"
                  mt={6}
                  fz="sm"
                  style={{ whiteSpace: 'pre-wrap' }}
                  iconSize={0}
                >
                  {line.detail}
                </Blockquote>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </>
  );
}
