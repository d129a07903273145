/**
 * Typed references to the parameterised guards, for use in state configs (also inside `and([...])`,
 * where literal parameter types would otherwise widen).
 */
import type { ClockId } from '../time/clockIds.js';
import type { Decider } from './rules/caseRules.js';
import type { ClosureReason, OrgType } from '../vocabulary.js';

/** The clock fired one of these clocks, and it runs now. */
export function expiryOf(...clocks: ClockId[]) {
  return { type: 'expiryOf', params: { clocks } } as const;
}

/** An admin, or an officer of an organisation of this type. */
export function officerOf(orgType: OrgType) {
  return { type: 'isOfficerOf', params: { orgType } } as const;
}

/** CLOSE names no reason, or this one (`fromOutcome`: the reason the outcome implies). */
export function closeReasonIs(reason: ClosureReason | 'fromOutcome') {
  return { type: 'isCloseReason', params: { reason } } as const;
}

/** The determination is coherent and orders a remedy this decider may order. */
export function determinationBy(decider: Decider) {
  return { type: 'isDeterminationValid', params: { decider } } as const;
}
