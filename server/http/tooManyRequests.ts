import { HttpError } from './httpErrors.js';

/** 429 Too Many Requests; the error middleware adds `Retry-After` (whole seconds, at least 1). */
export class TooManyRequestsError extends HttpError {
  readonly retryAfterSeconds: number;
  constructor(detail: string, retryAfterMs: number) {
    super(429, 'Too Many Requests', detail);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
}
