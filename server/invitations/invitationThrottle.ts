import { RateLimiterRes } from 'rate-limiter-flexible';
import { createRateLimiter, type SharedRedis } from '../http/createRateLimiter.js';
import { TooManyRequestsError } from '../http/tooManyRequests.js';

/** Invitation-link uses per client address (opening, registering, claiming): tokens cannot be guessed in bulk. */
export interface InvitationThrottle {
  /** Counts one use from this address; throws {@link TooManyRequestsError} past the limit. */
  take(address: string): Promise<void>;
}

/** At most `perMinute` uses per client address per minute (in Redis when the app has one). */
export function createInvitationThrottle(perMinute: number, redis?: SharedRedis): InvitationThrottle {
  const limiter = createRateLimiter(redis, { keyPrefix: 'invitation-ip', points: perMinute, duration: 60 });
  return {
    async take(address) {
      try {
        await limiter.consume(address);
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        throw new TooManyRequestsError(
          'Too many invitation links were tried from this address. Try again later.',
          err.msBeforeNext,
        );
      }
    },
  };
}
