import i18next, { type TFunction } from 'i18next';
import { en } from '../../client/src/i18n/en.js';
import { zhCN } from '../../client/src/i18n/zhCN.js';

/** The web client's translations in one language, as its i18n instance is set up (for unit tests). */
export async function translator(lng: 'zh-CN' | 'en'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    nsSeparator: false,
  });
  return i18n.t;
}
