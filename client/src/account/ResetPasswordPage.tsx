import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { problemText } from '../api/problemText.js';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/ApiError.js';
import { confirmPasswordReset } from '../auth/authApi.js';
import { AuthLayout } from '../auth/AuthLayout.js';

/** The page a reset mail links to: choose a new password with the link's token (once). */
export function ResetPasswordPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' | 'error'; text?: string }>({
    kind: 'idle',
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState({ kind: 'busy' });
    try {
      await confirmPasswordReset(token, password);
      setState({ kind: 'done' });
    } catch (err) {
      const text = !isApiError(err)
        ? t('common.networkError')
        : err.status === 400
          ? problemText(t, err, i18n.language)
          : t('account.resetInvalid');
      setState({ kind: 'error', text });
    }
  };

  return (
    <AuthLayout>
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="md">
          <Title order={2} fz={22}>
            {t('account.resetTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('account.resetIntro')}
          </Text>
          {state.kind === 'done' && (
            <Alert color="green" role="status">
              {t('account.resetDone')}
            </Alert>
          )}
          {state.kind === 'error' && (
            <Alert color="red" role="alert">
              {state.text}
            </Alert>
          )}
          {state.kind !== 'done' && (
            <>
              <PasswordInput
                label={t('account.newPassword')}
                description={t('auth.passwordHint')}
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required
              />
              <Button type="submit" loading={state.kind === 'busy'} fullWidth>
                {t('account.setPassword')}
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
