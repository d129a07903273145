/**
 * The small procedural rules the case machine applies: which procedure variant a track implies,
 * how far a clock may be extended, which remedies a channel may order, how an outcome closes a case.
 */
import type { CaseContext, ClockExtension, OutcomeKind } from '../caseContext.js';
import type { ArbitrationVariant, DeterminationRemedy } from '../caseEvents.js';
import { administrativeRemedies } from './administrativeRules.js';
import type { ClosureReason, IpType, Track } from '../../vocabulary.js';

/** Courts try fast and simple cases in summary procedure, the rest in ordinary procedure. */
export function isSummaryTrack(track: Track): boolean {
  return track !== 'ordinary';
}

/** The default arbitration variant for a track: expedited for fast and simple cases. */
export function defaultArbitrationVariant(track: Track): ArbitrationVariant {
  return track === 'ordinary' ? 'standard' : 'expedited';
}

/** The statutory extension of an arbitration clock (WIPO: expedited +1 month, standard +3 months). */
export function arbitrationExtension(variant: ArbitrationVariant | null): ClockExtension {
  return { amount: variant === 'expedited' ? 1 : 3, unit: 'months' };
}

/** The most an arbitration clock may be extended when the tribunal asks for days. */
export function maxArbitrationExtensionDays(variant: ArbitrationVariant | null): number {
  return variant === 'expedited' ? 30 : 90;
}

/** Remedies each deciding organisation may order in a determination. */
export const REMEDIES_BY_DECIDER = {
  administrative: ['cease', 'takedown', 'confiscateAndFine', 'none'],
  socialSupervision: ['disclosure', 'none'],
  industrySelfRegulation: ['cease', 'takedown', 'apology', 'none'],
} as const satisfies Record<string, readonly DeterminationRemedy[]>;

/** An organisation that decides by `DETERMINE`. */
export type Decider = keyof typeof REMEDIES_BY_DECIDER;

/**
 * Whether a determination is coherent: no remedy without infringement, and a remedy the decider may
 * order; an administrative authority's remedies depend on the IP type (`administrativeRemedies`).
 */
export function isValidDetermination(
  decider: Decider,
  infringement: boolean,
  remedy: DeterminationRemedy,
  ipType?: IpType,
): boolean {
  const allowed: readonly DeterminationRemedy[] = REMEDIES_BY_DECIDER[decider];
  if (!allowed.includes(remedy)) return false;
  if (
    decider === 'administrative' &&
    ipType !== undefined &&
    !administrativeRemedies(ipType).includes(remedy)
  )
    return false;
  return infringement || remedy === 'none';
}

/** The closure reason a case gets when it closes after an outcome of this kind. */
export function closureReasonFor(kind: OutcomeKind): ClosureReason {
  switch (kind) {
    case 'settled':
    case 'advised':
      return 'settled';
    case 'awarded':
      return 'awarded';
    case 'judged':
      return 'judged';
    case 'decided':
    case 'disclosed':
      return 'decided';
  }
}

/** Whether an outcome leaves something to carry out (a settlement, or a remedy for infringement). */
export function needsCompliance(context: CaseContext): boolean {
  const outcome = context.outcome;
  if (outcome === null) return false;
  return outcome.kind === 'settled' || outcome.infringementFound;
}

/** The smallest and largest multiple of its base a punitive award may be (法释〔2021〕4号 art. 6). */
export const PUNITIVE_MULTIPLE = { min: 1, max: 5 } as const;

/**
 * Whether a judgment may award its punitive damages: claimed by the rights holder, wilful
 * infringement, serious circumstances, a positive base, and an amount 1–5 times that base.
 */
export function punitiveDamagesAllowed(
  claimed: boolean,
  judgment: {
    punitiveDamagesCny?: number;
    punitiveBaseCny?: number;
    wilful?: boolean;
    seriousCircumstances?: boolean;
  },
): boolean {
  const amount = judgment.punitiveDamagesCny ?? 0;
  const base = judgment.punitiveBaseCny ?? 0;
  return (
    claimed &&
    judgment.wilful === true &&
    judgment.seriousCircumstances === true &&
    base > 0 &&
    amount >= base * PUNITIVE_MULTIPLE.min &&
    amount <= base * PUNITIVE_MULTIPLE.max
  );
}
