import type { ErrorRequestHandler, RequestHandler } from 'express';
import {
  MongoError,
  MongoErrorLabel,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import type { Logger } from 'pino';
import { DuplicateKeyError } from '../db/duplicateKeyError.js';
import { DomainError, type DomainErrorKind } from '../errors/domainError.js';
import { HttpError } from './httpErrors.js';
import { sendProblem } from './sendProblem.js';
import { TooManyRequestsError } from './tooManyRequests.js';

const DOMAIN_STATUS: Record<DomainErrorKind, [number, string]> = {
  notFound: [404, 'Not Found'],
  conflict: [409, 'Conflict'],
  forbidden: [403, 'Forbidden'],
  invalid: [422, 'Unprocessable Content'],
  unavailable: [503, 'Service Unavailable'],
  tooMany: [429, 'Too Many Requests'],
};

/** Labels the driver puts on errors of a connection or a server that went away, not of the request. */
const TRANSIENT_LABELS = [
  MongoErrorLabel.RetryableWriteError,
  MongoErrorLabel.ResetPool,
  MongoErrorLabel.SystemOverloadedError,
] as const;

/** Node's codes for a connection the other side closed or refused. */
const SOCKET_GONE_CODES = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ENOTCONN']);

/**
 * Driver errors that mean the database cannot be reached right now (not a bad request): the
 * connection or the server went away (network, pool, topology, selection), or the driver labelled
 * the error as one a retry may cure.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (
    err instanceof MongoNetworkError ||
    err instanceof MongoServerSelectionError ||
    err instanceof MongoNotConnectedError ||
    err instanceof MongoTopologyClosedError
  ) {
    return true;
  }
  if (err instanceof MongoError && TRANSIENT_LABELS.some((label) => err.hasErrorLabel(label))) return true;
  // The driver lets a socket error through unwrapped when the engine dies while a command is written.
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && SOCKET_GONE_CODES.has(code)) return true;
  // a bulk write (the desk tallies) wraps the network error that cut it off in `errorResponse`
  const wrapped = (err as { errorResponse?: unknown; cause?: unknown } | null) ?? {};
  for (const inner of [wrapped.errorResponse, wrapped.cause]) {
    if (inner && inner !== err && typeof inner === 'object' && isDatabaseUnavailable(inner)) return true;
  }
  const name = (err as { name?: string } | null)?.name ?? '';
  return /PoolCleared|PoolClosed|ServerClosed|ClientClosed|OperationTimeout|ServerSelection|NetworkError|NotConnected/.test(
    name,
  );
}

/**
 * The embedded engine's answer when SQLite stayed locked past its busy timeout (10 s): the engine is
 * overloaded, the request was not wrong. Nothing half-done remains: a stored event whose projection
 * could not be saved is finished by the server later and was already pushed live.
 */
export function isDatabaseBusy(err: unknown): boolean {
  const message = (err as { message?: unknown } | null)?.message;
  return (
    typeof message === 'string' &&
    /SQLITE_BUSY|SQLITE_LOCKED|SQLITE_PROTOCOL|database is locked|database table is locked/.test(message)
  );
}

/** Answers 404 problem+json for any route nothing else handled. */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, 404, 'Not Found', `No route for ${req.method} ${req.path}.`, 'about:blank');
};

/**
 * The one error middleware: typed errors become their problem+json; body-parser errors become 400/413;
 * a duplicate key becomes 409; anything else is logged and answered 500 without internals.
 */
export function problemMiddleware(logger: Pick<Logger, 'error'>): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    if (err instanceof HttpError) {
      if (err instanceof TooManyRequestsError) res.setHeader('Retry-After', String(err.retryAfterSeconds));
      sendProblem(res, err.status, err.title, err.message, err.type, err.extra);
      return;
    }
    if (err instanceof DomainError) {
      const [status, title] = DOMAIN_STATUS[err.kind];
      const retryAfter = err.extra.retryAfterSeconds;
      if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
      sendProblem(res, status, title, err.message, 'about:blank', err.extra);
      return;
    }
    if (err instanceof DuplicateKeyError) {
      sendProblem(res, 409, 'Conflict', 'This record already exists.', 'about:blank');
      return;
    }
    if (isDatabaseUnavailable(err)) {
      res.setHeader('Retry-After', '5');
      sendProblem(
        res,
        503,
        'Service Unavailable',
        'The database is not answering; try again shortly.',
        'about:blank',
      );
      return;
    }
    if (isDatabaseBusy(err)) {
      logger.error({ err, method: req.method, path: req.path }, 'the database is overloaded (busy)');
      res.setHeader('Retry-After', '2');
      sendProblem(res, 503, 'Service Unavailable', 'The database is busy; try again shortly.', 'about:blank');
      return;
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
      const detail =
        e.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : e.type === 'entity.too.large'
            ? 'The request body is too large.'
            : e.expose && e.message
              ? e.message
              : 'The request could not be processed.';
      const title =
        status === 413 ? 'Content Too Large' : status === 415 ? 'Unsupported Media Type' : 'Bad Request';
      sendProblem(res, status, title, detail, 'about:blank');
      return;
    }
    logger.error({ err, reqId: req.id }, 'unhandled error');
    sendProblem(res, 500, 'Internal Server Error', 'Something went wrong on our side.', 'about:blank');
  };
}
