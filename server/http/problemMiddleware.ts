import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { problemOf } from '../errors/problemOf.js';
import { sendProblem } from './sendProblem.js';

export { isDatabaseUnavailable } from '../errors/databaseUnavailable.js';

/** Answers 404 problem+json for any route nothing else handled. */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, 404, 'Not Found', `No route for ${req.method} ${req.path}.`, 'about:blank', {
    code: 'noRoute',
  });
};

/**
 * The one error middleware: every error goes through {@link problemOf} (the mapping the Socket.IO
 * acknowledgements use too) and becomes its problem+json with a stable `code`; anything unexpected is
 * logged and answered 500 without internals.
 */
export function problemMiddleware(logger: Pick<Logger, 'error'>): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const problem = problemOf(err);
    if (!problem) {
      logger.error({ err, reqId: req.id }, 'unhandled error');
      sendProblem(res, 500, 'Internal Server Error', 'Something went wrong on our side.', 'about:blank', {
        code: 'internal',
      });
      return;
    }
    if (problem.retryAfterSeconds !== undefined)
      res.setHeader('Retry-After', String(problem.retryAfterSeconds));
    sendProblem(res, problem.status, problem.title, problem.detail, problem.type, {
      ...problem.extra,
      code: problem.code,
    });
  };
}
