import type { ProblemCode } from '../../shared/api/problemCodes.js';

/** Kinds of domain failure; {@link problemOf} maps each to a status. */
export type DomainErrorKind = 'notFound' | 'conflict' | 'forbidden' | 'invalid' | 'unavailable' | 'tooMany';

/** The code a failure of a kind carries when its thrower names no more precise one. */
const KIND_CODE: Record<DomainErrorKind, ProblemCode> = {
  notFound: 'notFound',
  conflict: 'conflict',
  forbidden: 'forbidden',
  invalid: 'invalid',
  unavailable: 'unavailable',
  tooMany: 'rateLimited',
};

/** Details of a failure; `code` names it precisely. */
export type ProblemExtra = Record<string, unknown> & { code?: ProblemCode };

/**
 * A failure of a service that callers (HTTP, Socket.IO, scripts) present in their own way.
 * `code` is stable and machine-readable: the web client translates it (a Chinese screen never shows
 * the English `message`). `extra` carries details (e.g. `allowed` actions on a refused transition;
 * for `tooMany`, `retryAfterSeconds`); an `extra.code` names the code.
 */
export class DomainError extends Error {
  override name = 'DomainError';
  /** Stable id of the failure, e.g. `caseClosed`; the kind's own code when none is named. */
  readonly code: ProblemCode;
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly extra: ProblemExtra = {},
  ) {
    super(message);
    this.code = extra.code ?? KIND_CODE[kind];
  }
}

/** Nothing by that id, or nothing the caller may see (404). */
export class NotFoundError extends DomainError {
  constructor(message: string, code: ProblemCode = 'notFound', extra: Record<string, unknown> = {}) {
    super('notFound', message, { ...extra, code });
  }
}

/** The caller may not do this (403); `allowed` may list what they may do instead. */
export class ForbiddenError extends DomainError {
  constructor(message: string, code: ProblemCode = 'forbidden', extra: Record<string, unknown> = {}) {
    super('forbidden', message, { ...extra, code });
  }
}

/** The request's content is wrong (422); `errors` names the fields. */
export class InvalidError extends DomainError {
  constructor(message: string, code: ProblemCode = 'invalid', extra: Record<string, unknown> = {}) {
    super('invalid', message, { ...extra, code });
  }
}

/** The request clashes with the data as it now is (409): changed meanwhile, closed, already there. */
export class ConflictError extends DomainError {
  constructor(message: string, code: ProblemCode = 'conflict', extra: Record<string, unknown> = {}) {
    super('conflict', message, { ...extra, code });
  }
}

/** Nobody may take this action in the case's present state (409); `allowed` lists what the caller may. */
export class NotAllowedNowError extends ConflictError {
  constructor(message: string, extra: { allowed: string[]; seq: number; action: string }) {
    super(message, 'notAllowedNow', extra);
  }
}
