/**
 * Absolute ids of the top-level states that channel procedures jump to.
 */

/** The in-channel state: entering it lands in the sub-state of `context.channel` (set by ROUTE / TRANSFER). */
export const IN_CHANNEL = '#case.inChannel';

/** The state a resolved case waits in (compliance or closing). */
export const RESOLVED = '#case.resolved';

/** The final state. */
export const CLOSED = '#case.closed';
