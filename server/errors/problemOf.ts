import type { ProblemCode } from '../../shared/api/problemCodes.js';
import { DuplicateKeyError } from '../db/duplicateKeyError.js';
import { isDatabaseUnavailable } from './databaseUnavailable.js';
import { DomainError, type DomainErrorKind } from './domainError.js';
import { HttpError, TooManyRequestsError } from './httpError.js';

/**
 * A failure as the API presents it: the body of an RFC 9457 problem over HTTP, the error of a
 * Socket.IO acknowledgement. `code` is stable (the client translates it); `extra` holds details
 * such as `allowed` actions or field `errors`.
 */
export interface Problem {
  status: number;
  title: string;
  detail: string;
  type: string;
  code: ProblemCode;
  extra: Record<string, unknown>;
  /** Seconds to wait before trying again (429, 503). */
  retryAfterSeconds?: number;
}

const KIND_STATUS: Record<DomainErrorKind, [number, string]> = {
  notFound: [404, 'Not Found'],
  conflict: [409, 'Conflict'],
  forbidden: [403, 'Forbidden'],
  invalid: [422, 'Unprocessable Content'],
  unavailable: [503, 'Service Unavailable'],
  tooMany: [429, 'Too Many Requests'],
};

/** What a request-body parser's error (status 4xx, `type`) means, by its `type`. */
const BODY_ERRORS: Record<string, [ProblemCode, string]> = {
  'entity.parse.failed': ['badJson', 'The request body is not valid JSON.'],
  'entity.too.large': ['tooLarge', 'The request body is too large.'],
};

function withoutCode(extra: Record<string, unknown>): Record<string, unknown> {
  const { code: _code, ...rest } = extra;
  return rest;
}

/**
 * The one mapping of errors to what clients see, for HTTP and Socket.IO alike. `undefined` means an
 * unexpected failure: the caller logs it and answers 500 without internals.
 */
export function problemOf(err: unknown): Problem | undefined {
  if (err instanceof HttpError) {
    return {
      status: err.status,
      title: err.title,
      detail: err.message,
      type: err.type,
      code: err.code,
      extra: withoutCode(err.extra),
      ...(err instanceof TooManyRequestsError ? { retryAfterSeconds: err.retryAfterSeconds } : {}),
    };
  }
  if (err instanceof DomainError) {
    const [status, title] = KIND_STATUS[err.kind];
    const retryAfter = err.extra.retryAfterSeconds;
    return {
      status,
      title,
      detail: err.message,
      type: 'about:blank',
      code: err.code,
      extra: withoutCode(err.extra),
      ...(typeof retryAfter === 'number' ? { retryAfterSeconds: retryAfter } : {}),
    };
  }
  if (err instanceof DuplicateKeyError) {
    return plain(409, 'Conflict', 'duplicate', 'This record already exists.');
  }
  if (isDatabaseUnavailable(err)) {
    return {
      ...plain(
        503,
        'Service Unavailable',
        'databaseUnavailable',
        'The database is not answering; try again shortly.',
      ),
      retryAfterSeconds: 5,
    };
  }
  const e = err as {
    type?: string;
    status?: number;
    statusCode?: number;
    expose?: boolean;
    message?: string;
  };
  const status = e.status ?? e.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const known = BODY_ERRORS[e.type ?? ''];
    const [code, detail]: [ProblemCode, string] = known ?? [
      'badRequest',
      e.expose && e.message ? e.message : 'The request could not be processed.',
    ];
    const title =
      status === 413 ? 'Content Too Large' : status === 415 ? 'Unsupported Media Type' : 'Bad Request';
    return plain(status, title, status === 413 ? 'tooLarge' : code, detail);
  }
  return undefined;
}

function plain(status: number, title: string, code: ProblemCode, detail: string): Problem {
  return { status, title, detail, type: 'about:blank', code, extra: {} };
}
