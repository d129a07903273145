import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DomainError } from '../errors/domainError.js';
import { createRateLimiter, type SharedRedis } from '../http/createRateLimiter.js';

/** The writes limited per user. */
export type LimitedWrite = 'message' | 'evidence' | 'filing';

/** How many of each write one user may make in its window. */
export interface WriteLimitSettings {
  messagesPerMinute: number;
  evidencePerHour: number;
  filingsPerDay: number;
}

/** Per-user limits of the writes whose cost grows with their number. */
export interface WriteLimits {
  /**
   * Counts one write of `kind` by the user; over the limit it throws a `tooMany` DomainError (429)
   * whose `retryAfterSeconds` says when the next one is allowed. Call it before anything is stored.
   */
  consume(kind: LimitedWrite, userId: string): Promise<void>;
}

const WINDOWS: Record<LimitedWrite, { seconds: number; noun: string; per: string }> = {
  message: { seconds: 60, noun: 'messages', per: 'minute' },
  evidence: { seconds: 3600, noun: 'evidence uploads', per: 'hour' },
  filing: { seconds: 24 * 3600, noun: 'complaints filed', per: 'day' },
};

/**
 * Builds the write limits (rate-limiter-flexible): counted in Redis when the app has a client, so
 * every instance shares them, and in this instance's memory otherwise.
 */
export function createWriteLimits(settings: WriteLimitSettings, redis?: SharedRedis): WriteLimits {
  const points: Record<LimitedWrite, number> = {
    message: settings.messagesPerMinute,
    evidence: settings.evidencePerHour,
    filing: settings.filingsPerDay,
  };
  const limiter = (kind: LimitedWrite): RateLimiterAbstract => {
    const opts = { keyPrefix: `sf-limit-${kind}`, points: points[kind], duration: WINDOWS[kind].seconds };
    return createRateLimiter(redis, opts);
  };
  const limiters = { message: limiter('message'), evidence: limiter('evidence'), filing: limiter('filing') };

  return {
    async consume(kind, userId) {
      try {
        await limiters[kind].consume(userId);
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
        const { noun, per } = WINDOWS[kind];
        const retryAfterSeconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
        throw new DomainError(
          'tooMany',
          `Too many ${noun}: at most ${points[kind]} per ${per}. Try again in ${retryAfterSeconds} s.`,
          { code: 'rateLimited', retryAfterSeconds },
        );
      }
    },
  };
}
