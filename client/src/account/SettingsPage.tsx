import type { NotificationSettingsView } from '../../../shared/notifications/notificationView.js';
import { Alert, Button, Checkbox, PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { problemText } from '../api/problemText.js';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
} from '../../../shared/notifications/notificationKinds.js';
import { isApiError } from '../api/ApiError.js';
import { changePassword, signOutEverywhere } from '../auth/authApi.js';
import { useSession } from '../auth/useSession.js';
import {
  notificationKeys,
  saveNotificationSettings,
  useNotificationSettings,
} from '../notifications/notificationsApi.js';
import { PageHeader } from '../ui/PageHeader.js';
import { SectionCard } from '../ui/SectionCard.js';

/** The signed-in user's settings: mail notifications and their language, the password, sign out everywhere. */
export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const settings = useNotificationSettings();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [pwMessage, setPwMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submitPassword = async (e: FormEvent) => {
    e.preventDefault();
    setPwMessage(null);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setPwMessage({ ok: true, text: t('account.passwordChanged') });
    } catch (err) {
      const text =
        isApiError(err) && err.status === 403
          ? t('account.wrongCurrent')
          : isApiError(err) && err.status === 400
            ? problemText(t, err, i18n.language)
            : t('common.networkError');
      setPwMessage({ ok: false, text });
    }
  };

  const everywhere = async () => {
    await signOutEverywhere();
    qc.clear();
    void navigate('/sign-in', { replace: true });
  };

  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title={t('account.title')} description={t('account.intro')} />
      <SectionCard title={t('account.mailTitle')}>
        <Text size="sm" c="dimmed" mb="md">
          {t('account.mailIntro', { email: session?.user.email ?? '' })}
        </Text>
        {settings.data && <MailSettingsForm initial={settings.data} />}
      </SectionCard>
      <SectionCard title={t('account.passwordTitle')}>
        <form onSubmit={(e) => void submitPassword(e)}>
          <Stack gap="sm" maw={400}>
            <PasswordInput
              label={t('account.currentPassword')}
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
              autoComplete="current-password"
              required
            />
            <PasswordInput
              label={t('account.newPassword')}
              description={t('auth.passwordHint')}
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              autoComplete="new-password"
              required
            />
            {pwMessage && <Alert color={pwMessage.ok ? 'green' : 'red'}>{pwMessage.text}</Alert>}
            <Button type="submit" w="fit-content">
              {t('account.changePassword')}
            </Button>
          </Stack>
        </form>
      </SectionCard>
      <SectionCard title={t('account.sessionsTitle')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('account.sessionsIntro')}
          </Text>
          <Button color="red" variant="light" w="fit-content" onClick={() => void everywhere()}>
            {t('account.signOutEverywhere')}
          </Button>
        </Stack>
      </SectionCard>
    </Stack>
  );
}

/** Which kinds go by e-mail, and the language of the mails. */
function MailSettingsForm({ initial }: { initial: NotificationSettingsView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [language, setLanguage] = useState<'zh-CN' | 'en'>(initial.language);
  const [kinds, setKinds] = useState<NotificationKind[]>(initial.mailKinds);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const after = await saveNotificationSettings({ language, mailKinds: kinds });
      qc.setQueryData(notificationKeys.settings, after);
      setSaved(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="md">
      <Checkbox.Group value={kinds} onChange={(v) => setKinds(v as NotificationKind[])}>
        <Stack gap={8}>
          {NOTIFICATION_KINDS.map((k) => (
            <Checkbox key={k} value={k} label={t(`notifications.kind.${k}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('account.language')}
        </Text>
        <SegmentedControl
          value={language}
          onChange={(v) => setLanguage(v as 'zh-CN' | 'en')}
          data={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en', label: 'English' },
          ]}
          w={220}
        />
      </Stack>
      {saved && <Alert color="green">{t('account.saved')}</Alert>}
      <Button onClick={() => void save()} loading={busy} w="fit-content">
        {t('account.save')}
      </Button>
    </Stack>
  );
}
