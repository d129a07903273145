/** A typed error that the error middleware turns into an `application/problem+json` response. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    readonly title: string,
    detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
  /** The problem `type` URI, derived from the status. */
  get type(): string {
    return `https://sevenfold.dev/problems/${this.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  }
}

/** One invalid field of a request. */
export interface FieldError {
  path: string;
  message: string;
}

/** 400 Bad Request. */
export const badRequest = (detail: string, errors?: FieldError[]) =>
  new HttpError(400, 'Bad Request', detail, errors ? { errors } : {});
/** 401 Unauthorized. */
export const unauthorized = (detail = 'Sign in to continue.') => new HttpError(401, 'Unauthorized', detail);
/** 403 Forbidden. */
export const forbidden = (detail = 'You may not do this.') => new HttpError(403, 'Forbidden', detail);
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
