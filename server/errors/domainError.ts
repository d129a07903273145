/** Kinds of domain failure; the HTTP error middleware maps each to a status. */
export type DomainErrorKind = 'notFound' | 'conflict' | 'forbidden' | 'invalid' | 'unavailable' | 'tooMany';

/**
 * A failure of a service that callers (HTTP, Socket.IO, scripts) present in their own way.
 * `extra` carries machine-readable details (e.g. the allowed actions on a refused transition; for
 * `tooMany`, `retryAfterSeconds`).
 */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
