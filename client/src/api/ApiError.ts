/** A field problem of a 422 (`errors` of an RFC 9457 problem). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** An HTTP problem (`application/problem+json`) or a network failure, thrown by `apiFetch`. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldProblem[];
  /** The problem's stable `code` (e.g. `integrityCheckFailed`), for a translated message. */
  readonly code: string | undefined;
  /** The problem's other members (e.g. `action`, `retryAfterSeconds`), for the translated message. */
  readonly extra: Record<string, unknown>;

  constructor(
    status: number,
    title: string,
    detail: string,
    errors: FieldProblem[] = [],
    code?: string,
    extra: Record<string, unknown> = {},
  ) {
    super(detail || title);
    this.extra = extra;
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.code = code;
  }

  /** The request never reached the server (offline, refused). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

/** Whether an unknown error is an {@link ApiError} with this status. */
export function isApiError(err: unknown, status?: number): err is ApiError {
  return err instanceof ApiError && (status === undefined || err.status === status);
}
