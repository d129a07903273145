import { PUBLIC_LINKS } from '../public/publicLinks.js';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { problemText } from '../api/problemText.js';
import { IconClockExclamation } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/ApiError.js';
import { loadScreen, prefetchScreenData } from '../app/screens.js';
import { signIn } from './authApi.js';
import { AuthLayout } from './AuthLayout.js';
import { roleHome } from './roleHome.js';
import { safeNext } from './safeNext.js';
import { useEndReason, useSession } from './useSession.js';

/** Sign-in: e-mail and password; returns to the page the user was on (`?next=`) or their home. */
export function SignInPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const endReason = useEndReason();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (session && !busy) return <Navigate to={next ?? roleHome(session.user)} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError(t('auth.fillBoth'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const s = await signIn(email.trim(), password);
      const target = next ?? roleHome(s.user);
      // the page's data and code together; it opens once the code is in (briefly waited for), whole
      // rather than behind a loading state
      prefetchScreenData(target, s.user, queryClient);
      await loadScreen(target, s.user);
      void navigate(target, { replace: true });
    } catch (err) {
      setError(
        isApiError(err, 401)
          ? t('auth.wrongPassword')
          : isApiError(err, 429)
            ? t('auth.tooMany')
            : problemText(t, err, i18n.language),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} fz={22}>
              {t('auth.signInTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('auth.signInIntro')}
            </Text>
          </Stack>
          {endReason === 'expired' && (
            <Alert color="orange" variant="light" icon={<IconClockExclamation size={18} />} role="status">
              {t('auth.expired')}
            </Alert>
          )}
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
            data-autofocus
            autoFocus
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
          />
          <Button type="submit" loading={busy} fullWidth mt="xs">
            {t('auth.signIn')}
          </Button>
          <Text size="sm" ta="center">
            <Anchor component={Link} to="/forgot-password">
              {t('account.forgotLink')}
            </Anchor>
          </Text>
          <Text size="sm" c="dimmed" ta="center">
            {t('auth.noAccount')}{' '}
            <Anchor
              component={Link}
              to={next ? `/register?next=${encodeURIComponent(next)}` : '/register'}
              underline="always"
            >
              {t('auth.registerLink')}
            </Anchor>
          </Text>
          <Text component="nav" aria-label={t('public.nav.label')} size="sm" c="dimmed" ta="center">
            {t('public.nav.intro')}{' '}
            {PUBLIC_LINKS.map((l, i) => (
              <span key={l.to}>
                {i > 0 && ' · '}
                <Anchor component={Link} to={l.to} underline="always">
                  {t(l.labelKey)}
                </Anchor>
              </span>
            ))}
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
