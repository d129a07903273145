import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { problemText } from '../api/problemText.js';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import type { checkPasswordStrength } from '../../../shared/passwords/checkPasswordStrength.js';
import { DEFAULT_PASSWORD_MIN_LENGTH } from '../../../shared/passwords/passwordPolicy.js';
import { registerSchema } from '../../../shared/schemas/accounts.js';
import { isApiError } from '../api/ApiError.js';
import { register } from './authApi.js';
import { AuthLayout } from './AuthLayout.js';
import { roleHome } from './roleHome.js';
import { safeNext } from './safeNext.js';
import { useSession } from './useSession.js';

type Field = 'name' | 'email' | 'password' | 'confirm';
type StrengthCheck = typeof checkPasswordStrength;

/**
 * The password estimator (zxcvbn-ts and its dictionaries, some hundreds of KB), loaded when this page
 * opens and only here: the sign-in page never downloads it. Undefined until it has loaded; the
 * server checks the same either way.
 */
function useStrengthCheck(): StrengthCheck | undefined {
  const [check, setCheck] = useState<StrengthCheck>();
  useEffect(() => {
    let live = true;
    void import('../../../shared/passwords/checkPasswordStrength.js')
      .then((m) => {
        if (live) setCheck(() => m.checkPasswordStrength);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return check;
}

/** Self-registration of a rights holder (complainant account), validated with the shared schema. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [values, setValues] = useState<Record<Field, string>>({
    name: '',
    email: '',
    password: '',
    confirm: '',
  });
  const [touched, setTouched] = useState<Set<Field>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const strength = useStrengthCheck();

  if (session && !busy) return <Navigate to={next ?? roleHome(session.user)} replace />;

  const body = { name: values.name, email: values.email, password: values.password };
  const { error: joiError } = registerSchema.validate(body, { abortEarly: false });
  const errors = new Map<Field, string>();
  for (const d of joiError?.details ?? []) {
    const field = String(d.path[0]) as Field;
    if (errors.has(field)) continue;
    const label = t(`auth.${field}`);
    const limit = typeof d.context?.limit === 'number' ? d.context.limit : undefined;
    errors.set(
      field,
      t(`validation.${d.type}`, { label, limit, defaultValue: t('validation.invalid', { label }) }),
    );
  }
  if (!errors.has('password') && strength && values.password) {
    const verdict = strength(values.password, {
      minLength: DEFAULT_PASSWORD_MIN_LENGTH,
      email: values.email,
      name: values.name,
    });
    if (!verdict.ok) {
      const advice = verdict.reasons
        .map((r, i) =>
          t(`passwordAdvice.${r}`, { min: DEFAULT_PASSWORD_MIN_LENGTH, defaultValue: verdict.feedback[i] }),
        )
        .join(' ');
      errors.set('password', t('auth.weakPassword', { advice }));
    }
  }
  if (values.confirm !== values.password) errors.set('confirm', t('auth.mismatch'));
  const show = (f: Field) => (submitted || touched.has(f) ? errors.get(f) : undefined);
  const bind = (f: Field) => ({
    value: values[f],
    onChange: (e: { currentTarget: { value: string } }) => {
      const v = e.currentTarget.value;
      setValues((s) => ({ ...s, [f]: v }));
    },
    onBlur: () => setTouched((s) => new Set(s).add(f)),
    error: show(f),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (errors.size > 0) return;
    setBusy(true);
    setError(null);
    try {
      const s = await register({
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
      });
      void navigate(next ?? roleHome(s.user), { replace: true });
    } catch (err) {
      setError(isApiError(err, 401) ? t('auth.emailTaken') : problemText(t, err, i18n.language));
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
              {t('auth.registerTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('auth.registerIntro')}
            </Text>
          </Stack>
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label={t('auth.name')}
            description={t('auth.nameHint')}
            autoComplete="organization"
            required
            {...bind('name')}
          />
          <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...bind('email')} />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            required
            {...bind('password')}
          />
          <PasswordInput
            label={t('auth.confirm')}
            autoComplete="new-password"
            required
            {...bind('confirm')}
          />
          <Button type="submit" loading={busy} fullWidth mt="xs">
            {t('auth.register')}
          </Button>
          <Text size="sm" c="dimmed" ta="center">
            {t('auth.haveAccount')}{' '}
            <Anchor component={Link} to={next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'}>
              {t('auth.signInLink')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
