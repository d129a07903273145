/**
 * Clocks owned by state nodes. A state with a clock declares it in `meta.clock`, starts it on entry
 * and stops it on exit. Some states run one of two clocks, chosen from the case when they are entered.
 */
import type { CaseContext } from './caseContext.js';
import type { ClockId } from '../time/clockIds.js';
import { ADMIN_CASE_CLOCKS } from './rules/administrativeRules.js';
import { isSummaryTrack } from './rules/caseRules.js';
import { APPEAL_CLOCKS, appealClockFor, TRIAL_CLOCKS } from './rules/courtRules.js';

/**
 * The metadata of a state node: the clock it runs, or the clocks it chooses from; `carries`: clocks
 * started by the transition into the state that keep running in it (the mediation period runs from
 * the mediator's acceptance through the respondent's consent into the sessions).
 */
export interface CaseStateMeta {
  clock?: ClockId | readonly ClockId[];
  carries?: readonly ClockId[];
}

/** Court-entrusted mediation: 7 days in summary procedure, 15 in ordinary procedure. */
export const LITIGATION_MEDIATION_CLOCKS = [
  'litigationMediationSummary',
  'litigationMediationOrdinary',
] as const;
/** The protection center's fast track: design patents, or inventions and utility models. */
export const FAST_TRACK_CLOCKS = ['fastTrackDesign', 'fastTrackPatent'] as const;
/** Arbitration: expedited or standard rules. */
export const ARBITRATION_CLOCKS = ['arbitrationExpedited', 'arbitrationStandard'] as const;

const CHOICES: readonly { clocks: readonly [ClockId, ClockId]; first: (context: CaseContext) => boolean }[] =
  [
    { clocks: LITIGATION_MEDIATION_CLOCKS, first: (context) => isSummaryTrack(context.track) },
    { clocks: FAST_TRACK_CLOCKS, first: (context) => context.ipType === 'designPatent' },
    { clocks: ARBITRATION_CLOCKS, first: (context) => context.arbitrationVariant === 'expedited' },
    { clocks: TRIAL_CLOCKS, first: (context) => isSummaryTrack(context.track) },
    { clocks: APPEAL_CLOCKS, first: (context) => appealClockFor(context) === 'appealPeriod' },
    { clocks: ADMIN_CASE_CLOCKS, first: (context) => context.ipType === 'trademark' },
  ];

/** The clock a state with these candidate clocks starts for this case. */
export function chooseClock(clocks: readonly ClockId[], context: CaseContext): ClockId {
  const [only] = clocks;
  if (clocks.length === 1 && only !== undefined) return only;
  const choice = CHOICES.find(
    (c) => c.clocks.length === clocks.length && c.clocks.every((id) => clocks.includes(id)),
  );
  if (!choice) throw new Error(`No rule chooses between clocks ${clocks.join(', ')}`);
  return choice.first(context) ? choice.clocks[0] : choice.clocks[1];
}

/** The parts of a state config that make it run a clock: `meta`, the entry start and the exit stop. */
export function withClock<const T extends readonly ClockId[]>(...clocks: T) {
  return {
    meta: { clock: clocks.length === 1 ? (clocks[0] as ClockId) : clocks } satisfies CaseStateMeta,
    entry: [{ type: 'startClock', params: { clocks } }],
    exit: [{ type: 'stopClock', params: { clocks } }],
  } as const;
}
