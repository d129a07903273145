import { Alert, Badge, Button, Divider, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseInvitationsView, InvitationItemView } from '../../../shared/api/invitationView.js';
import type { CaseView } from '../../../shared/api/views.js';
import { isApiError } from '../api/ApiError.js';
import { formatDateTime } from '../i18n/format.js';
import { SectionCard } from '../ui/SectionCard.js';
import { caseInvitations, changeRespondentAddress, resendInvitation } from './invitationApi.js';

const STATE_COLOR = { pending: 'blue', claimed: 'green', void: 'gray', expired: 'orange' } as const;

/**
 * The respondents' invitations for the case's staff, respondent by respondent: each link's address,
 * state and mail, a new link to the current address, or a new address (recorded on the case for staff
 * only).
 */
export function InvitationsCard({ caseView }: { caseView: CaseView }) {
  const { t } = useTranslation();
  const key = ['caseInvitations', caseView.id, caseView.seq];
  const list = useQuery({ queryKey: key, queryFn: () => caseInvitations(caseView.id), retry: false });
  if (list.isPending || list.isError) return null;
  const view = list.data;
  const respondents = view.respondents ?? [
    {
      respondent: 0,
      name: caseView.respondent.name,
      email: view.email,
      linked: false,
      service: view.service,
    },
  ];
  const several = respondents.length > 1;
  return (
    <SectionCard title={t('invitation.staff.title')}>
      <Stack gap="sm" data-testid="invitations">
        {view.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('invitation.staff.none')}
          </Text>
        )}
        {respondents.map((r, i) => (
          <Stack key={r.respondent} gap="xs" data-testid={`invitations-${r.respondent}`}>
            {several && i > 0 && <Divider />}
            {several && (
              <Text size="sm" fw={600}>
                {t('respondents.staff.respondent', { n: r.respondent + 1, name: r.name })}
              </Text>
            )}
            <RespondentInvitations
              caseView={caseView}
              respondent={r.respondent}
              served={r.service !== null}
              items={view.items.filter((item) => (item.respondent ?? 0) === r.respondent)}
            />
          </Stack>
        ))}
      </Stack>
    </SectionCard>
  );
}

/** One respondent's links, with a new link or a new address while they are not served. */
function RespondentInvitations({
  caseView,
  respondent,
  served,
  items,
}: {
  caseView: CaseView;
  respondent: number;
  served: boolean;
  items: CaseInvitationsView['items'];
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
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
  const resend = useMutation({ mutationFn: () => resendInvitation(caseView.id, respondent), ...done });
  const move = useMutation({
    mutationFn: () => changeRespondentAddress(caseView.id, email.trim(), respondent),
    ...done,
  });
  const open = !served && caseView.channel !== null && caseView.closedAt === null;
  return (
    <>
      {items.map((i) => (
        <InvitationLine key={i.id} item={i} />
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
            <Button size="xs" loading={move.isPending} disabled={!email.trim()} onClick={() => move.mutate()}>
              {t('invitation.staff.change')}
            </Button>
          </Group>
        </>
      )}
    </>
  );
}

function InvitationLine({ item: i }: { item: InvitationItemView }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2}>
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
  );
}
