import { createAddressThrottle, type AddressThrottle } from '../http/addressThrottle.js';
import type { SharedRedis } from '../http/createRateLimiter.js';

/** Public reports per client address. */
export type ReportThrottle = AddressThrottle;

/** At most `perHour` public reports per client address per hour (in Redis when the app has one). */
export function createReportThrottle(perHour: number, redis?: SharedRedis): ReportThrottle {
  return createAddressThrottle(
    {
      keyPrefix: 'report-ip',
      points: perHour,
      durationSeconds: 3600,
      message: 'Too many reports were sent from this address. Try again later.',
    },
    redis,
  );
}
