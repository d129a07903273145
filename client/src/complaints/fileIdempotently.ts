import { isApiError } from '../api/ApiError.js';

/** How long to wait for a filing that is still in flight under the same key. */
export interface FilingRetry {
  /** Sends at most, the first included. */
  attempts: number;
  /** Wait before the first resend, in milliseconds; doubled each time up to `maxDelayMs`. */
  delayMs: number;
  maxDelayMs: number;
  /** Waits (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
}

/** About 15 s in all: longer than the server holds a key for a request that died (10 s). */
export const FILING_RETRY: FilingRetry = { attempts: 10, delayMs: 250, maxDelayMs: 2000 };

/**
 * Whether a failed filing is the same filing still being processed: `POST /api/cases` answers 409
 * only while another request holds its Idempotency-Key (a second click, a resend after the network
 * lost the answer). It is not a failure: the filing it waits for is this one.
 */
export function isFilingInFlight(err: unknown): boolean {
  return isApiError(err, 409);
}

/**
 * Sends a filing under one Idempotency-Key until it is answered: while the key is in flight it waits
 * and sends again with the same key, whose answer is then the one filing (a replay, marked
 * `Idempotent-Replayed: true`, is the case like a first answer). Any other failure is thrown at once;
 * after `attempts` the last 409 is thrown.
 */
export async function fileIdempotently<T>(
  send: () => Promise<T>,
  retry: FilingRetry = FILING_RETRY,
): Promise<T> {
  const sleep = retry.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let delay = retry.delayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (!isFilingInFlight(err) || attempt >= retry.attempts) throw err;
      await sleep(delay);
      delay = Math.min(delay * 2, retry.maxDelayMs);
    }
  }
}
