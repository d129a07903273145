import type { RequestHandler } from 'express';

/**
 * Marks every API answer `Cache-Control: no-store`: they are personal (a token, a party's case), so no
 * browser or shared cache may keep them. A route may still set its own (evidence downloads do).
 */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
