import type { CreditEntryDetailView } from '../../../shared/api/creditView.js';
import {
  Alert,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { problemText } from '../api/problemText.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/views.js';
import { useCaseEvents } from '../api/cases.js';
import { apiFetch } from '../api/http.js';
import { queryKeys } from '../api/queryKeys.js';
import { formatDateTime } from '../i18n/format.js';
import { SectionCard } from '../ui/SectionCard.js';
import { useNow } from '../ui/useNow.js';

type Decision = 'keep' | 'correct' | 'remove';

/**
 * The credit-register entry a case led to, for the listed party and staff: its status and basis, the
 * objection period; the party objects within it, staff decide the objection (keep, correct, remove),
 * each step recorded on the case. Shown once the case's timeline holds the entry's notice.
 */
export function CreditEntryCard({
  caseView,
  userId,
  role,
}: {
  caseView: CaseView;
  userId: string;
  role: string;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const events = useCaseEvents(caseView.id);
  const now = useNow(30_000);
  const notice = events.data?.find((ev) => ev.type === 'CREDIT_LISTED');
  const entryId = typeof notice?.data?.entryId === 'string' ? notice.data.entryId : null;
  const entry = useQuery({
    queryKey: queryKeys.credit(`entry:${entryId ?? ''}`),
    queryFn: ({ signal }) =>
      apiFetch<CreditEntryDetailView>(`/api/credit/${encodeURIComponent(entryId ?? '')}`, { signal }),
    enabled: entryId !== null,
    retry: false,
  });
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState<Decision>('keep');
  const [corrected, setCorrected] = useState('');
  const send = useMutation({
    mutationFn: (body: { path: 'objection' | 'decision'; payload: Record<string, unknown> }) =>
      apiFetch<CreditEntryDetailView>(`/api/credit/${encodeURIComponent(entryId ?? '')}/${body.path}`, {
        method: 'POST',
        body: body.payload,
      }),
    onSuccess: (updated) => {
      qc.setQueryData(queryKeys.credit(`entry:${entryId ?? ''}`), updated);
      void qc.invalidateQueries({ queryKey: queryKeys.caseEvents(caseView.id) });
      setReason('');
      setCorrected('');
    },
  });
  if (!entryId || !entry.data) return null;
  const e = entry.data;
  const isParty = role === 'respondent' && caseView.respondent.id === userId;
  const isStaff = role === 'admin' || role === 'officer';
  const open = e.objectionDueAt !== null && now <= Date.parse(e.objectionDueAt);
  const mayObject = isParty && (e.status === 'final' || e.status === 'corrected') && open;
  const mayDecide = isStaff && e.status === 'objected';
  const reasonOk = reason.trim().length >= 2;

  return (
    <SectionCard title={t('credit.card.title')} id="credit-entry">
      <Stack gap="xs">
        <Group gap="xs">
          <Badge
            variant="light"
            color={e.status === 'removed' ? 'gray' : e.status === 'objected' ? 'yellow' : 'red'}
          >
            {t(`credit.status.${e.status}`)}
          </Badge>
          <Text size="sm" fw={550}>
            {e.name}
          </Text>
        </Group>
        {e.legalBasis && (
          <Text size="xs" c="dimmed">
            {t(`creditRegister.basisKey.${e.legalBasisKey ?? 'other'}`)}
          </Text>
        )}
        {e.objectionDueAt && (
          <Text size="xs" c="dimmed">
            {t('credit.card.objectionUntil', { at: formatDateTime(e.objectionDueAt, i18n.language) })}
          </Text>
        )}
        {e.objection && (
          <Text size="sm">
            {t('credit.card.objection')}: {e.objection.reason}
          </Text>
        )}
        {send.error && (
          <Alert color="red" variant="light">
            {problemText(t, send.error, i18n.language)}
          </Alert>
        )}
        {mayObject && (
          <Stack gap="xs">
            <Textarea
              label={t('credit.card.objectionReason')}
              value={reason}
              onChange={(ev) => setReason(ev.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Button
              size="xs"
              disabled={!reasonOk}
              loading={send.isPending}
              onClick={() => send.mutate({ path: 'objection', payload: { reason: reason.trim() } })}
            >
              {t('credit.card.object')}
            </Button>
          </Stack>
        )}
        {mayDecide && (
          <Stack gap="xs">
            <SegmentedControl
              size="xs"
              value={decision}
              onChange={(v) => setDecision(v as Decision)}
              data={(['keep', 'correct', 'remove'] as const).map((d) => ({
                value: d,
                label: t(`credit.card.decision.${d}`),
              }))}
            />
            {decision === 'correct' && (
              <TextInput
                size="xs"
                label={t('credit.card.correctedName')}
                value={corrected}
                onChange={(ev) => setCorrected(ev.currentTarget.value)}
              />
            )}
            <Textarea
              label={t('credit.card.decisionReason')}
              value={reason}
              onChange={(ev) => setReason(ev.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Button
              size="xs"
              disabled={!reasonOk || (decision === 'correct' && corrected.trim() === '')}
              loading={send.isPending}
              onClick={() =>
                send.mutate({
                  path: 'decision',
                  payload: {
                    decision,
                    reason: reason.trim(),
                    ...(decision === 'correct' ? { correction: { name: corrected.trim() } } : {}),
                  },
                })
              }
            >
              {t('credit.card.decide')}
            </Button>
          </Stack>
        )}
      </Stack>
    </SectionCard>
  );
}
