import { createAddressThrottle, type AddressThrottle } from '../http/addressThrottle.js';
import type { SharedRedis } from '../http/createRateLimiter.js';

/** Registrations per client address. */
export type RegistrationThrottle = AddressThrottle;

/** At most `perHour` registrations per client address per hour (in Redis when the app has one). */
export function createRegistrationThrottle(perHour: number, redis?: SharedRedis): RegistrationThrottle {
  return createAddressThrottle(
    {
      keyPrefix: 'register-ip',
      points: perHour,
      durationSeconds: 3600,
      message: 'Too many accounts were created from this address. Try again later.',
      code: 'registrationThrottled',
    },
    redis,
  );
}
