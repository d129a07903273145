import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { sendProblem } from '../http/sendProblem.js';

const tooMany: RequestHandler = (_req, res) => {
  sendProblem(res, 429, 'Too Many Requests', 'Too many sign-in attempts. Wait a few minutes and try again.');
};

/**
 * Sign-in limits: per client IP (all attempts) and per account (failed attempts only), each over a
 * 15-minute window, in this instance's memory.
 */
export function loginRateLimits(opts: { perIp: number; perAccount: number }): RequestHandler[] {
  const windowMs = 15 * 60 * 1000;
  return [
    rateLimit({
      windowMs,
      limit: opts.perIp,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: (req) => `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`,
      handler: tooMany,
    }),
    rateLimit({
      windowMs,
      limit: opts.perAccount,
      standardHeaders: false,
      legacyHeaders: false,
      skipSuccessfulRequests: true,
      keyGenerator: (req) => {
        const email = (req.body as { email?: unknown } | undefined)?.email;
        return `account:${typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : ''}`;
      },
      handler: tooMany,
    }),
  ];
}
