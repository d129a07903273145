import { Alert, Anchor, Button, Loader, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { problemText } from '../api/problemText.js';
import { loadScreen } from '../app/screens.js';
import { acceptStaffInvitation, checkStaffInvitation } from '../auth/authApi.js';
import { AuthLayout } from '../auth/AuthLayout.js';
import { roleHome } from '../auth/roleHome.js';

/**
 * The page a staff invitation mail links to: whom it invites, then choosing the password with the
 * link's token (once), which signs the new staff member in and opens their home. A used, expired or
 * replaced link says so.
 */
export function StaffInvitationPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invited = useQuery({
    queryKey: ['staffInvitation', token],
    queryFn: () => checkStaffInvitation(token),
    retry: false,
    staleTime: Infinity,
  });
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await acceptStaffInvitation(token, password);
      const target = roleHome(session.user);
      await loadScreen(target, session.user);
      void queryClient.removeQueries({ queryKey: ['staffInvitation'] });
      void navigate(target, { replace: true });
    } catch (err) {
      setError(problemText(t, err, i18n.language));
      setBusy(false);
    }
  };

  return (
    <AuthLayout>
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="md">
          <Title order={2} fz={22}>
            {t('staffInvitation.pageTitle')}
          </Title>
          {invited.isPending && (
            <Text size="sm" c="dimmed">
              <Loader size="xs" mr={8} />
              {t('staffInvitation.checking')}
            </Text>
          )}
          {invited.isError && (
            <Alert
              color="red"
              role="alert"
              title={t('staffInvitation.invalidTitle')}
              data-testid="invitation-invalid"
            >
              {problemText(t, invited.error, i18n.language)}
            </Alert>
          )}
          {invited.isSuccess && (
            <>
              <Text size="sm">{t('staffInvitation.pageIntro', invited.data)}</Text>
              {error && (
                <Alert color="red" role="alert">
                  {error}
                </Alert>
              )}
              <PasswordInput
                label={t('account.newPassword')}
                description={t('auth.passwordHint')}
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required
              />
              <Button type="submit" loading={busy} fullWidth>
                {t('staffInvitation.submit')}
              </Button>
            </>
          )}
          <Anchor component={Link} to="/sign-in" size="sm" ta="center">
            {t('account.backToSignIn')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
