import { randomBytes } from 'node:crypto';

/** The id of an audit entry made at `at`: its instant, then a random tail (sorts by time). */
export function auditEventId(at: Date): string {
  return `${at.toISOString()}~${randomBytes(6).toString('base64url')}`;
}

/** The smallest id of an entry made at or after `at` (a bound of an `_id` range). */
export function auditIdFloor(at: Date): string {
  return at.toISOString();
}
