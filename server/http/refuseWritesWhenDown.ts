import type { RequestHandler } from 'express';
import type { Connection } from 'mongoose';

/**
 * While the database is unreachable, requests that would change data are refused at once with 503
 * (nothing is changed, the client may retry); reads fail the same way when they reach the database.
 */
export function refuseWritesWhenDown(db: Connection): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || db.readyState === 1) {
      next();
      return;
    }
    res.setHeader('Retry-After', '5');
    res
      .status(503)
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: 'about:blank',
          title: 'Service Unavailable',
          status: 503,
          detail: 'The database is not answering; nothing was changed. Try again shortly.',
        }),
      );
  };
}
