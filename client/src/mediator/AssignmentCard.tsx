import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { problemText } from '../api/problemText.js';
import { IconBellRinging, IconCheck, IconX } from '@tabler/icons-react';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseSummaryView } from '../../../shared/api/views.js';
import { actionPayloadFields } from '../../../shared/machine/actions/actionFields.js';
import type { CaseEventType } from '../../../shared/machine/caseEvents.js';
import { useCaseAction } from '../api/cases.js';
import { LazyActionForm } from '../cases/actionForms.js';
import { ClockBadge } from '../cases/ClockBadge.js';
import { nextClock } from '../cases/clockState.js';
import { LoadingState } from '../ui/LoadingState.js';

/**
 * A new assignment waiting for the mediator: the case in brief (all from the list row), accept, or
 * decline with a conflict-of-interest declaration. Buttons appear only when the row's `actions` (the
 * list is read with `withActions`) offer them; the decline form (and its schema) loads when it opens.
 */
export function AssignmentCard({
  summary,
  now,
  isNew,
}: {
  summary: CaseSummaryView;
  now: number;
  isNew: boolean;
}) {
  const { t, i18n } = useTranslation();
  const offered = (type: CaseEventType) =>
    summary.actions?.includes(type) ? { type, fields: actionPayloadFields(type) } : undefined;
  const act = useCaseAction(summary.id);
  const [declining, setDeclining] = useState(false);
  const accept = offered('ACCEPT_ASSIGNMENT');
  const decline = offered('DECLINE_ASSIGNMENT');
  const clock = nextClock(summary.clocks);

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      style={{ borderColor: 'var(--mantine-color-indigo-3)', background: 'var(--mantine-color-indigo-0)' }}
      data-testid="assignment"
      data-case-id={summary.id}
      aria-label={t('mediator.assignmentOf', { caseNo: summary.caseNo })}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <IconBellRinging size={18} color="var(--mantine-color-indigo-6)" />
            <Text fw={650} size="sm">
              {t('mediator.newAssignment')}
            </Text>
            {isNew && (
              <Badge size="xs" color="red" variant="filled">
                {t('mediator.justArrived')}
              </Badge>
            )}
          </Group>
          {clock && <ClockBadge clock={clock} now={now} showLabel={false} />}
        </Group>
        <Text size="sm" fw={600} component={Link} to={`/cases/${summary.id}`} style={{ color: 'inherit' }}>
          <Text span ff="monospace" c="indigo.7" mr={6}>
            {summary.caseNo}
          </Text>
          {summary.title}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`vocab.ipType.${summary.ipType}`)} · {summary.complainant.name} ↔ {summary.respondent.name}
        </Text>
        <Text size="xs" c="dimmed">
          {t('mediator.conflictPrompt')}
        </Text>
        {act.isError && (
          <Alert color="red" variant="light" p="xs">
            {problemText(t, act.error, i18n.language)}
          </Alert>
        )}
        <Group gap="xs">
          {accept && (
            <Button
              size="xs"
              leftSection={<IconCheck size={14} />}
              loading={act.isPending}
              onClick={() => act.mutate({ type: 'ACCEPT_ASSIGNMENT', expectedSeq: summary.seq })}
            >
              {t('actions.action.ACCEPT_ASSIGNMENT')}
            </Button>
          )}
          {decline && (
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconX size={14} />}
              onClick={() => setDeclining(true)}
            >
              {t('mediator.declineOrConflict')}
            </Button>
          )}
        </Group>
      </Stack>
      <Modal
        opened={declining && decline !== undefined}
        onClose={() => setDeclining(false)}
        title={<Text fw={650}>{t('actions.action.DECLINE_ASSIGNMENT')}</Text>}
        size="lg"
        centered
      >
        {decline && (
          <Suspense fallback={<LoadingState />}>
            <LazyActionForm
              caseView={summary}
              type={decline.type}
              fields={decline.fields}
              onDone={() => setDeclining(false)}
              onCancel={() => setDeclining(false)}
            />
          </Suspense>
        )}
      </Modal>
    </Paper>
  );
}
