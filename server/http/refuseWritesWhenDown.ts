import type { RequestHandler } from 'express';
import type { Connection } from 'mongoose';
import { sendProblem } from './sendProblem.js';

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
    sendProblem(
      res,
      503,
      'Service Unavailable',
      'The database is not answering; nothing was changed. Try again shortly.',
      'about:blank',
      { code: 'databaseUnavailable' },
    );
  };
}
