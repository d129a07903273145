import type { TFunction } from 'i18next';
import { isApiError } from '../api/ApiError.js';

/** A failed save, in the UI language (the server's detail is English: it is not shown). */
export function saveFailure(error: unknown, t: TFunction): string {
  for (const status of [400, 403, 404, 409, 422] as const)
    if (isApiError(error, status)) return t(`administration.failed.${status}`);
  return t('administration.failed.other');
}
