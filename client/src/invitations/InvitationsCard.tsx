import { Alert, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/views.js';
import { isApiError } from '../api/ApiError.js';
import { formatDateTime } from '../i18n/format.js';
import { SectionCard } from '../ui/SectionCard.js';
import { caseInvitations, changeRespondentAddress, resendInvitation } from './invitationApi.js';

const STATE_COLOR = { pending: 'blue', claimed: 'green', void: 'gray', expired: 'orange' } as const;

/**
 * The respondent's invitations for the case's staff: each link's address, state and mail, a new link
 * to the current address, or a new address (recorded on the case for staff only).
 */
export function InvitationsCard({ caseView }: { caseView: CaseView }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const key = ['caseInvitations', caseView.id, caseView.seq];
  const list = useQuery({ queryKey: key, queryFn: () => caseInvitations(caseView.id), retry: false });
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const done = {
    onSuccess: () => {
      setError(null);
      setEmail('');
      void qc.invalidateQueries({ queryKey: ['caseInvitations', caseView.id] });
    },
    onError: (err: unknown) =>
      setError(isApiError(err, 422) ? t('invitation.staff.badEmail') : t('invitation.staff.refused')),
  };
  const resend = useMutation({ mutationFn: () => resendInvitation(caseView.id), ...done });
  const move = useMutation({ mutationFn: () => changeRespondentAddress(caseView.id, email.trim()), ...done });
  if (list.isPending || list.isError) return null;
  const view = list.data;
  const open = !view.service && caseView.channel !== null && caseView.closedAt === null;
  return (
    <SectionCard title={t('invitation.staff.title')}>
      <Stack gap="sm" data-testid="invitations">
        {view.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('invitation.staff.none')}
          </Text>
        )}
        {view.items.map((i) => (
          <Stack key={i.id} gap={2}>
            <Group gap={6}>
              <Badge size="sm" variant="light" color={STATE_COLOR[i.state]}>
                {t(`invitation.staff.state.${i.state}`)}
              </Badge>
              <Text size="sm">{i.email}</Text>
            </Group>
            <Text size="xs" c="dimmed">
              {t('invitation.staff.line', {
                sent: formatDateTime(i.createdAt, i18n.language),
                until: formatDateTime(i.expiresAt, i18n.language),
                mail: t(`invitation.staff.mail.${i.mail ?? 'queued'}`),
              })}
            </Text>
          </Stack>
        ))}
        {error && (
          <Alert color="red" variant="light">
            {error}
          </Alert>
        )}
        {open && (
          <>
            <Button size="xs" variant="light" loading={resend.isPending} onClick={() => resend.mutate()}>
              {t('invitation.staff.resend')}
            </Button>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                size="xs"
                style={{ flex: 1 }}
                label={t('invitation.staff.newAddress')}
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <Button
                size="xs"
                loading={move.isPending}
                disabled={!email.trim()}
                onClick={() => move.mutate()}
              >
                {t('invitation.staff.change')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </SectionCard>
  );
}
