import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Switches the UI between 中文 and English (remembered in this browser). */
export function LanguageSwitch({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size={size}
      value={i18n.language.startsWith('zh') ? 'zh-CN' : 'en'}
      onChange={(lng) => void i18n.changeLanguage(lng)}
      data={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'EN' },
      ]}
      aria-label={t('nav.language')}
    />
  );
}
