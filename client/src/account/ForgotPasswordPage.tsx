import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../api/ApiError.js';
import { requestPasswordReset } from '../auth/authApi.js';
import { AuthLayout } from '../auth/AuthLayout.js';

/** Asks for a password-reset link; the answer is the same whether or not the e-mail has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'sent' | 'tooMany' | 'failed'>('idle');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState('busy');
    try {
      await requestPasswordReset(email.trim());
      setState('sent');
    } catch (err) {
      setState(isApiError(err) && err.status === 429 ? 'tooMany' : 'failed');
    }
  };

  return (
    <AuthLayout>
      <form onSubmit={(e) => void submit(e)}>
        <Stack gap="md">
          <Title order={2} fz={22}>
            {t('account.forgotTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('account.forgotIntro')}
          </Text>
          {state === 'sent' && (
            <Alert color="green" role="status">
              {t('account.linkSent')}
            </Alert>
          )}
          {state === 'tooMany' && <Alert color="orange">{t('account.tooMany')}</Alert>}
          {state === 'failed' && <Alert color="red">{t('common.networkError')}</Alert>}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
          />
          <Button type="submit" loading={state === 'busy'} fullWidth>
            {t('account.sendLink')}
          </Button>
          <Anchor component={Link} to="/sign-in" size="sm" ta="center">
            {t('account.backToSignIn')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
