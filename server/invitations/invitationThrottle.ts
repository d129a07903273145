import { createAddressThrottle, type AddressThrottle } from '../http/addressThrottle.js';
import type { SharedRedis } from '../http/createRateLimiter.js';

/** Invitation-link uses per client address (opening, registering, claiming): tokens cannot be guessed in bulk. */
export type InvitationThrottle = AddressThrottle;

/** At most `perMinute` uses per client address per minute (in Redis when the app has one). */
export function createInvitationThrottle(perMinute: number, redis?: SharedRedis): InvitationThrottle {
  return createAddressThrottle(
    {
      keyPrefix: 'invitation-ip',
      points: perMinute,
      durationSeconds: 60,
      message: 'Too many invitation links were tried from this address. Try again later.',
    },
    redis,
  );
}
