import {
  Alert,
  Anchor,
  Button,
  Divider,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { InvitationView } from '../../../shared/api/invitationView.js';
import { isApiError } from '../api/ApiError.js';
import { AuthLayout } from '../auth/AuthLayout.js';
import { useSession } from '../auth/useSession.js';
import { formatDateTime } from '../i18n/format.js';
import { LoadingState } from '../ui/LoadingState.js';
import { claimInvitation, openInvitation, registerByInvitation } from './invitationApi.js';

/** The translation key of a failed link: what the link is, never what its case is. */
function failureKey(err: unknown): string {
  if (isApiError(err, 429)) return 'invitation.tooMany';
  if (isApiError(err)) {
    if (err.code === 'invitationUnknown' || err.status === 400) return 'invitation.unknown';
    if (err.code === 'invitationExpired') return 'invitation.expired';
    if (err.code === 'invitationReplaced') return 'invitation.replaced';
    if (err.code === 'invitationClaimed') return 'invitation.used';
    if (err.code === 'invitationAccountExists') return 'invitation.accountExists';
    if (err.status === 400) return 'invitation.weakPassword';
  }
  return 'invitation.failed';
}

/** The case the link is about: number, subject, parties, channel, where it was sent and until when. */
function InvitationSummary({ view }: { view: InvitationView }) {
  const { t, i18n } = useTranslation();
  const row = (label: string, value: string) => (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Group>
  );
  return (
    <Stack gap={6} data-testid="invitation-summary">
      <Text size="sm">
        {t('invitation.intro', { complainant: view.complainantName, respondent: view.respondentName })}
      </Text>
      {row(t('invitation.caseNo'), view.caseNo)}
      {row(t('invitation.caseTitle'), view.title)}
      {view.channel && row(t('invitation.channel'), t(`vocab.channel.${view.channel}`))}
      {row(t('invitation.sentTo'), view.emailHint)}
      {row(t('invitation.validUntil'), formatDateTime(view.expiresAt, i18n.language))}
      <Alert variant="light" color="indigo" mt={4}>
        <Text size="sm">{t('invitation.serviceNote')}</Text>
      </Alert>
    </Stack>
  );
}

/**
 * The landing page of a respondent's invitation (`/invitations/:token`): the holder registers as the
 * case's respondent, or, signed in as a respondent, claims it. A link that is unknown, expired,
 * replaced or used says only that.
 */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const session = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const invitation = useQuery({
    queryKey: ['invitation', token, session?.user.id ?? null],
    queryFn: () => openInvitation(token),
    retry: false,
  });

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      const caseId = await work();
      void navigate(`/cases/${caseId}`, { replace: true });
    } catch (err) {
      setError(t(failureKey(err)));
    } finally {
      setBusy(false);
    }
  };
  const nameError = submitted && !name.trim() ? t('invitation.nameRequired') : undefined;
  const confirmError = submitted && confirm !== password ? t('invitation.mismatch') : undefined;
  const register = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!name.trim() || confirm !== password || password.length < 10) {
      if (password.length < 10) setError(t('invitation.weakPassword'));
      return;
    }
    void run(() => registerByInvitation(token, { name: name.trim(), password }));
  };

  let body;
  if (invitation.isPending) body = <LoadingState minHeight={200} />;
  else if (invitation.isError)
    body = (
      <Alert color="red" variant="light" role="alert" data-testid="invitation-error">
        {t(failureKey(invitation.error))}
      </Alert>
    );
  else {
    const view = invitation.data;
    const next = `/sign-in?next=${encodeURIComponent(`/invitations/${token}`)}`;
    body = (
      <Stack gap="md">
        <InvitationSummary view={view} />
        <Divider />
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        {view.state === 'claimed' && view.caseId ? (
          <Stack gap="sm">
            <Text size="sm">{t('invitation.claimed')}</Text>
            <Button component={Link} to={`/cases/${view.caseId}`}>
              {t('invitation.openCase')}
            </Button>
          </Stack>
        ) : session ? (
          <Stack gap="sm">
            <Text size="sm">{t('invitation.claimAs', { name: session.user.name })}</Text>
            {session.user.role === 'respondent' ? (
              <Button loading={busy} onClick={() => void run(() => claimInvitation(token))}>
                {t('invitation.claim')}
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                {t('invitation.notRespondent')}
              </Text>
            )}
          </Stack>
        ) : view.accountExists ? (
          <Stack gap="sm">
            <Text size="sm">{t('invitation.accountExists')}</Text>
            <Button component={Link} to={next}>
              {t('invitation.signInToClaim')}
            </Button>
          </Stack>
        ) : (
          <form onSubmit={register} noValidate>
            <Stack gap="sm">
              <Title order={3} fz={17}>
                {t('invitation.registerTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('invitation.registerIntro', { email: view.emailHint })}
              </Text>
              <TextInput
                label={t('invitation.name')}
                autoComplete="organization"
                required
                value={name}
                error={nameError}
                onChange={(e) => setName(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('invitation.password')}
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('invitation.confirm')}
                autoComplete="new-password"
                required
                value={confirm}
                error={confirmError}
                onChange={(e) => setConfirm(e.currentTarget.value)}
              />
              <Button type="submit" loading={busy} fullWidth>
                {t('invitation.register')}
              </Button>
              <Text size="sm" c="dimmed" ta="center">
                <Anchor component={Link} to={next}>
                  {t('invitation.signInToClaim')}
                </Anchor>
              </Text>
            </Stack>
          </form>
        )}
      </Stack>
    );
  }
  return (
    <AuthLayout>
      <Stack gap="md">
        <Title order={2} fz={22}>
          {t('invitation.title')}
        </Title>
        {body}
      </Stack>
    </AuthLayout>
  );
}
