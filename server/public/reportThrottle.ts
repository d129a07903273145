import { RateLimiterRes } from 'rate-limiter-flexible';
import { createRateLimiter, type SharedRedis } from '../http/createRateLimiter.js';
import { TooManyRequestsError } from '../http/tooManyRequests.js';

/** Public reports per client address. */
export interface ReportThrottle {
  /** Counts a report from this address; throws {@link TooManyRequestsError} past the limit. */
  take(address: string): Promise<void>;
}

/** At most `perHour` public reports per client address per hour (in Redis when the app has one). */
export function createReportThrottle(perHour: number, redis?: SharedRedis): ReportThrottle {
  const limiter = createRateLimiter(redis, { keyPrefix: 'report-ip', points: perHour, duration: 3600 });
  return {
    async take(address) {
      try {
        await limiter.consume(address);
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        throw new TooManyRequestsError(
          'Too many reports were sent from this address. Try again later.',
          err.msBeforeNext,
        );
      }
    },
  };
}
