import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express types its `res.locals` this way
  namespace Express {
    interface Locals {
      /** The request id (`X-Request-Id`, given by the client or a proxy when well-formed, else new). */
      requestId: string;
      /** The app's logger; lines about a request name its `reqId`. */
      log: Logger;
    }
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Paths not logged: probes that answer many times a minute. */
const QUIET = new Set(['/healthz', '/readyz']);

/**
 * Request id and request log: `X-Request-Id` on every answer, and one line per request when its
 * response ends (method, path without the query, status, ms), written by the app's logger with no
 * per-request child logger. Health probes are not logged.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.locals.log = logger;
    res.setHeader('X-Request-Id', id);
    const path = req.path;
    if (!QUIET.has(path) && logger.isLevelEnabled('info')) {
      const start = performance.now();
      res.once('finish', () => {
        logger.info(
          {
            reqId: id,
            method: req.method,
            path,
            status: res.statusCode,
            ms: Math.round((performance.now() - start) * 10) / 10,
          },
          'request completed',
        );
      });
    }
    next();
  };
}
