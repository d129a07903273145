import type { TFunction } from 'i18next';
import { isApiError } from './ApiError.js';

/**
 * The message to show for a failed request, in the user's language: the text of the problem's stable
 * `code` (with the refused action's label and the wait, when given); for a code the client does not
 * know, the server's sentence on an English screen and the status's own text on any other, so a
 * Chinese screen never shows an English server sentence.
 */
export function problemText(t: TFunction, err: unknown, language: string): string {
  if (!isApiError(err)) return t('problem.error');
  if (err.isNetwork) return t('common.networkError');
  const action = typeof err.extra.action === 'string' ? err.extra.action : undefined;
  const params = {
    ...err.extra,
    retryAfterSeconds: err.extra.retryAfterSeconds ?? err.extra.retryAfter ?? 1,
    actionLabel: action ? t(`actions.action.${action}`, { defaultValue: action }) : '',
  };
  const key = `problem.${err.code ?? ''}`;
  if (err.code && t(key, { defaultValue: '' })) return t(key, params);
  if (language === 'en' && err.detail) return err.detail;
  return t(`problemStatus.${err.status}`, { defaultValue: t('problem.error') });
}
