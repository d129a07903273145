/**
 * i18next set-up: zh-CN by default, English on request, the choice remembered in localStorage and
 * mirrored in `<html lang>`.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { zhCN } from './zhCN.js';

/** Languages of the UI. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
/** A UI language. */
export type Language = (typeof LANGUAGES)[number];

const KEY = 'sevenfold.lang';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(KEY);
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Starts i18next (call once, before the first render). */
export function initI18n(): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    // keys such as `vocab.visibility.caucus:complainant` contain colons: no namespaces in keys
    nsSeparator: false,
    returnNull: false,
  });
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    try {
      localStorage.setItem(KEY, lng);
    } catch {
      // private mode: the choice lasts for this page only
    }
  });
  return i18n;
}
