import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sessionStore } from '../auth/sessionStore.js';
import { saveNotificationSettings } from '../notifications/notificationsApi.js';

/**
 * Switches the UI between 中文 and English (remembered in this browser); for a signed-in user the
 * choice is saved on the account too, so their mails come in it.
 */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const change = (lng: string) => {
    void i18n.changeLanguage(lng);
    if (sessionStore.token()) {
      void saveNotificationSettings({ language: lng === 'en' ? 'en' : 'zh-CN' }).catch(() => undefined);
    }
  };
  return (
    <SegmentedControl
      size={size}
      value={i18n.language.startsWith('zh') ? 'zh-CN' : 'en'}
      onChange={change}
      data={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'EN' },
      ]}
      aria-label={t('nav.language')}
    />
  );
}
