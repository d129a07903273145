import type { ProblemCode } from '../../shared/api/problemCodes.js';
import type { ProblemExtra } from './domainError.js';

/** The code of a status when the thrower names no more precise one. */
const STATUS_CODE: Record<number, ProblemCode> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  409: 'conflict',
  413: 'tooLarge',
  415: 'unsupportedMediaType',
  416: 'rangeNotSatisfiable',
  422: 'invalid',
  429: 'rateLimited',
  503: 'unavailable',
};

/**
 * A failure of the request itself (its form, its credentials, its size), answered with `status`.
 * `code` is stable and machine-readable, as for a {@link DomainError}.
 */
export class HttpError extends Error {
  override name = 'HttpError';
  /** Stable id of the failure; `extra.code` names it, else the status's own. */
  readonly code: ProblemCode;
  constructor(
    readonly status: number,
    readonly title: string,
    detail?: string,
    readonly extra: ProblemExtra = {},
  ) {
    super(detail ?? title);
    this.code = extra.code ?? STATUS_CODE[status] ?? 'error';
  }
  /** The problem `type` URI, derived from the status. */
  get type(): string {
    return `https://sevenfold.dev/problems/${this.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  }
}

/** 429 Too Many Requests; `Retry-After` is added (whole seconds, at least 1). */
export class TooManyRequestsError extends HttpError {
  readonly retryAfterSeconds: number;
  constructor(detail: string, retryAfterMs: number, code: ProblemCode = 'rateLimited') {
    super(429, 'Too Many Requests', detail, { code });
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
}
