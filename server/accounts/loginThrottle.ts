import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createRateLimiter, type SharedRedis } from '../http/createRateLimiter.js';
import { TooManyRequestsError } from '../http/tooManyRequests.js';

/** Sign-in limits (see the README's configuration table). */
export interface LoginThrottleOptions {
  /** Consecutive failures of one account from one client address before each attempt must wait. */
  delayAfterFailures: number;
  /** The first wait in seconds; it doubles with each further failure. */
  delayBaseSeconds: number;
  /** The longest wait in seconds. */
  delayMaxSeconds: number;
  /** How long consecutive failures are remembered, from the first of them. */
  failureWindowSeconds: number;
  /** Failed sign-ins one client address may make per day, whatever the accounts. */
  ipFailuresPerDay: number;
}

/** Where a sign-in comes from and which account it is for. */
export interface LoginAttempt {
  /** The validated (lower-case) e-mail. */
  email: string;
  /** The client address key ({@link clientAddressKey}). */
  address: string;
}

/** Runs sign-in checks under the limits. */
export interface LoginThrottle {
  /**
   * Runs `check` (the password check) unless the attempt must wait, counting a miss (`undefined`) as
   * a failure and resetting the account's failures from this address on success. Throws
   * {@link TooManyRequestsError} while the address or the (account, address) pair must wait.
   */
  attempt<T>(who: LoginAttempt, check: () => Promise<T | undefined>): Promise<T | undefined>;
}

const DAY = 24 * 3600;
/** Far more failures than anyone makes inside the window: the counter itself never refuses. */
const UNLIMITED = 1_000_000_000;

const rejectedWith = (err: unknown): RateLimiterRes | undefined =>
  err instanceof RateLimiterRes ? err : undefined;

/**
 * rate-limiter-flexible's "login endpoint protection": consecutive failures per (account, client
 * address) with a progressive wait (base, 2×base, 4×base … up to the maximum), reset by a success, so
 * an attacker is slowed while the owner — from any other address — is never locked out; and a daily
 * budget of failures per client address against credential stuffing. Every attempt is counted
 * before its password is checked (and given back if it succeeds), so parallel guesses cannot slip
 * past the counts. Malformed requests never get here (validation answers them first).
 */
export function createLoginThrottle(opts: LoginThrottleOptions, redis?: SharedRedis): LoginThrottle {
  const byAddress = createRateLimiter(redis, {
    keyPrefix: 'login-ip-failures',
    points: opts.ipFailuresPerDay,
    duration: DAY,
  });
  const failures = createRateLimiter(redis, {
    keyPrefix: 'login-pair-failures',
    points: UNLIMITED,
    duration: opts.failureWindowSeconds,
  });
  // one attempt per wait: a key here means the pair is waiting (or has an attempt under way)
  const gate: RateLimiterAbstract = createRateLimiter(redis, {
    keyPrefix: 'login-pair-wait',
    points: 1,
    duration: opts.delayBaseSeconds,
  });
  const waitAfter = (failureCount: number) =>
    Math.min(
      opts.delayMaxSeconds,
      opts.delayBaseSeconds * 2 ** Math.min(30, failureCount - opts.delayAfterFailures),
    );

  return {
    async attempt<T>(who: LoginAttempt, check: () => Promise<T | undefined>) {
      const pair = `${who.email}|${who.address}`;
      try {
        await byAddress.consume(who.address);
      } catch (err) {
        const res = rejectedWith(err);
        if (!res) throw err;
        throw new TooManyRequestsError(
          'Too many failed sign-ins from this address today. Try again later.',
          res.msBeforeNext,
          'loginThrottled',
        );
      }
      const giveBackAddress = () => byAddress.reward(who.address);

      let counted: number;
      try {
        counted = (await failures.consume(pair)).consumedPoints;
        if (counted > opts.delayAfterFailures) {
          // this attempt holds the gate until it is decided (a failure then sets the wait)
          await gate.consume(pair, 1, { customDuration: waitAfter(counted) });
        }
      } catch (err) {
        await Promise.all([giveBackAddress(), failures.reward(pair)]);
        const res = rejectedWith(err);
        if (!res) throw err;
        throw new TooManyRequestsError(
          'Too many failed sign-ins for this account from this address. Wait, then try again.',
          res.msBeforeNext,
          'loginThrottled',
        );
      }

      let result: T | undefined;
      try {
        result = await check();
      } catch (err) {
        // not a failed sign-in: the check itself could not run (say the database is down)
        await Promise.all([giveBackAddress(), failures.reward(pair), gate.delete(pair)]);
        throw err;
      }
      if (result === undefined) {
        if (counted >= opts.delayAfterFailures) await gate.block(pair, waitAfter(counted));
        return undefined;
      }
      await Promise.all([giveBackAddress(), failures.delete(pair), gate.delete(pair)]);
      return result;
    },
  };
}
