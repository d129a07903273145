/**
 * The rules of mediation the machine applies beyond its states: how long an extension the parties may
 * agree to, and which party a declared conflict of interest concerns.
 */
import type { CaseContext } from '../caseContext.js';
import type { ClockId } from '../../time/clockIds.js';
import { CLOCKS } from '../../time/clocks.js';

/**
 * The longest mediation extension the platform accepts, in days. The law leaves the length to the
 * parties (People's Mediation Law arts. 3 and 23); this bound is a Sevenfold platform rule, not a
 * legal cap, and is the `mediation` clock's `maxExtension`.
 */
export const MEDIATION_EXTENSION_PLATFORM_MAX_DAYS = CLOCKS.mediation.maxExtension?.amount ?? 90;

/** The one of these clocks the case runs now, or null. */
export function runningClockOf(context: CaseContext, clocks: readonly ClockId[]): ClockId | null {
  return clocks.find((id) => context.clocks[id] !== undefined) ?? null;
}

/** The most days the running one of these clocks may be extended by (0 when none runs or none is allowed). */
export function maxExtensionDaysOf(context: CaseContext, clocks: readonly ClockId[]): number {
  const id = runningClockOf(context, clocks);
  const max = id === null ? undefined : CLOCKS[id].maxExtension;
  return max?.unit === 'days' ? max.amount : 0;
}

/** The parties' applications for judicial confirmation (none in snapshots from before they were recorded). */
export function confirmationApplicationsOf(context: CaseContext): {
  complainant: boolean;
  respondent: boolean;
} {
  return context.confirmationApplications ?? { complainant: false, respondent: false };
}
