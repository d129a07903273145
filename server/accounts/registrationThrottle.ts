import { RateLimiterRes } from 'rate-limiter-flexible';
import { createRateLimiter, type SharedRedis } from '../http/createRateLimiter.js';
import { TooManyRequestsError } from '../http/tooManyRequests.js';

/** Registrations per client address. */
export interface RegistrationThrottle {
  /** Counts a registration from this client address; throws {@link TooManyRequestsError} past the limit. */
  take(address: string): Promise<void>;
}

/** At most `perHour` registrations per client address per hour (in Redis when the app has one). */
export function createRegistrationThrottle(perHour: number, redis?: SharedRedis): RegistrationThrottle {
  const limiter = createRateLimiter(redis, { keyPrefix: 'register-ip', points: perHour, duration: 3600 });
  return {
    async take(address) {
      try {
        await limiter.consume(address);
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        throw new TooManyRequestsError(
          'Too many accounts were created from this address. Try again later.',
          err.msBeforeNext,
          'registrationThrottled',
        );
      }
    },
  };
}
