import type { ProblemCode } from '../../shared/api/problemCodes.js';
import { HttpError } from '../errors/httpError.js';
import type { FieldError } from '../errors/invalidInput.js';

export { HttpError };

export type { FieldError } from '../errors/invalidInput.js';

/** 400 Bad Request. */
export const badRequest = (detail: string, errors?: FieldError[]) =>
  new HttpError(400, 'Bad Request', detail, errors ? { errors } : {});
/** 401 Unauthorized. */
export const unauthorized = (detail = 'Sign in to continue.', code: ProblemCode = 'signInRequired') =>
  new HttpError(401, 'Unauthorized', detail, { code });
/** 403 Forbidden. */
export const forbidden = (detail = 'You may not do this.', code: ProblemCode = 'forbidden') =>
  new HttpError(403, 'Forbidden', detail, { code });
/** 404 Not Found. */
export const notFound = (detail = 'Not found.') => new HttpError(404, 'Not Found', detail);
/** 409 Conflict. */
export const conflict = (detail: string, extra: Record<string, unknown> = {}) =>
  new HttpError(409, 'Conflict', detail, extra);
/** 422 Unprocessable Content. */
export const unprocessable = (detail: string, errors?: FieldError[]) =>
  new HttpError(422, 'Unprocessable Content', detail, errors ? { errors } : {});
/** 503 Service Unavailable. */
export const unavailable = (detail: string) => new HttpError(503, 'Service Unavailable', detail);
/** 416 Range Not Satisfiable (the caller sets `Content-Range: bytes *\/<size>`). */
export const rangeNotSatisfiable = (detail: string) => new HttpError(416, 'Range Not Satisfiable', detail);
