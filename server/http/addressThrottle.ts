import { RateLimiterRes } from 'rate-limiter-flexible';
import { createRateLimiter, type SharedRedis } from './createRateLimiter.js';
import type { ProblemCode } from '../../shared/api/problemCodes.js';
import { TooManyRequestsError } from '../errors/httpError.js';

/** A limit of some request per client address. */
export interface AddressThrottle {
  /** Counts one request from this client address; throws {@link TooManyRequestsError} past the limit. */
  take(address: string): Promise<void>;
}

/** What an address throttle counts, and what it says past its limit. */
export interface AddressThrottleRule {
  /** The counter's key prefix (shared by the instances through Redis). */
  keyPrefix: string;
  /** Requests allowed per window. */
  points: number;
  /** The window, in seconds. */
  durationSeconds: number;
  /** The problem's detail past the limit. */
  message: string;
  /** The problem's stable code (the client translates it). */
  code?: ProblemCode;
}

/** At most `rule.points` requests per client address per window (in Redis when the app has one). */
export function createAddressThrottle(rule: AddressThrottleRule, redis?: SharedRedis): AddressThrottle {
  const limiter = createRateLimiter(redis, {
    keyPrefix: rule.keyPrefix,
    points: rule.points,
    duration: rule.durationSeconds,
  });
  return {
    async take(address) {
      try {
        await limiter.consume(address);
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        throw new TooManyRequestsError(rule.message, err.msBeforeNext, rule.code);
      }
    },
  };
}
