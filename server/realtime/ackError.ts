import type { AckError } from '../../shared/realtime/contract.js';
import { problemOf } from '../errors/problemOf.js';

/**
 * An error acknowledgement for a failure: the same {@link problemOf} mapping as the HTTP problem for
 * the same failure (status, title, detail, stable `code`, field `errors`, `retryAfter`); `undefined`
 * for an unexpected failure (the caller logs it and acks a 500).
 */
export function ackErrorOf(err: unknown): AckError | undefined {
  const problem = problemOf(err);
  if (!problem) return undefined;
  const errors = problem.extra.errors as AckError['errors'];
  const allowed = problem.extra.allowed as string[] | undefined;
  return {
    status: problem.status,
    title: problem.title,
    detail: problem.detail,
    code: problem.code,
    ...(errors ? { errors } : {}),
    ...(allowed ? { allowed } : {}),
    ...(problem.retryAfterSeconds !== undefined ? { retryAfter: problem.retryAfterSeconds } : {}),
  };
}
