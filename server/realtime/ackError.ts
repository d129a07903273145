import type { AckError } from '../../shared/realtime/contract.js';
import { DomainError, type DomainErrorKind } from '../errors/domainError.js';
import { HttpError } from '../http/httpErrors.js';

const STATUS: Record<DomainErrorKind, [number, string]> = {
  notFound: [404, 'Not Found'],
  conflict: [409, 'Conflict'],
  forbidden: [403, 'Forbidden'],
  invalid: [422, 'Unprocessable Content'],
  unavailable: [503, 'Service Unavailable'],
  tooMany: [429, 'Too Many Requests'],
};

/** An error acknowledgement for a failure, shaped like the HTTP problem for the same failure. */
export function ackErrorOf(err: unknown): AckError | undefined {
  if (err instanceof DomainError) {
    const [status, title] = STATUS[err.kind];
    return { status, title, detail: err.message };
  }
  if (err instanceof HttpError) return { status: err.status, title: err.title, detail: err.message };
  return undefined;
}
