import {
  RateLimiterMemory,
  RateLimiterRedis,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { RedisClientType } from 'redis';

/** A connected node-redis client shared by the instances of the app. */
export type SharedRedis = Pick<RedisClientType, 'isReady'> & object;

/**
 * A rate limiter (rate-limiter-flexible) in Redis when the app has one, so that every instance counts
 * together; otherwise in this instance's memory (each instance then counts on its own).
 */
export function createRateLimiter(
  redis: SharedRedis | undefined,
  opts: IRateLimiterOptions,
): RateLimiterAbstract {
  if (redis) return new RateLimiterRedis({ ...opts, storeClient: redis, useRedisPackage: true });
  return new RateLimiterMemory(opts);
}
