/**
 * Triage (繁简分流, design brief "Triage and routing"): scores how complex and serious a complaint is
 * and puts it on the `fast` (protection-center rapid handling), `simple` (a simple case) or
 * `ordinary` track, explaining every factor and the track in plain English. Pure and isomorphic:
 * the respondent's credit record and the current time are passed in.
 */
import type { Complaint } from '../schemas/complaint.js';
import type { IpType, Track } from '../vocabulary.js';
import { normalizePartyName, normalizeRightNumber } from './intakeChecks.js';
import { formatCny, reason, totalWeight } from './reason.js';
import type { Reason } from './reason.js';

/** Largest claim, in yuan, that counts as small (simple track, mediation of small claims). */
export const SMALL_CLAIM_CNY = 500_000;
/** Smallest claim, in yuan, that counts as large (points to the courts). */
export const LARGE_CLAIM_CNY = 5_000_000;
/** Fewest characters of description for the facts to count as detailed. */
export const FACTS_MIN_CHARS = 100;
/** More rights than this count as "many". */
export const MANY_RIGHTS = 5;
/** This many respondents or more count as "many". */
export const MANY_RESPONDENTS = 5;
/** Credit-register entries older than this (in days before `now`) are ignored. */
export const CREDIT_LOOKBACK_DAYS = 5 * 365;
/** Credit-register decisions that record an ignored decision rather than an infringement. */
export const CREDIT_NON_COMPLIANCE_DECISIONS: readonly string[] = ['nonCompliance', 'decisionIgnored'];

/** Technical-complexity points per IP type; 3 or more is technically complex. */
export const TECHNICAL_COMPLEXITY: Readonly<Record<IpType, number>> = {
  inventionPatent: 3,
  icLayout: 3,
  tradeSecret: 2,
  utilityModel: 1,
  other: 1,
  designPatent: 0,
  trademark: 0,
  copyright: 0,
};

/** Score weights of the triage factors. */
export const TRIAGE_WEIGHTS = {
  factsThin: 2,
  evidenceUnknown: 2,
  evidenceMissingItem: 1,
  amountMedium: 1,
  amountLarge: 3,
  rightsSeveral: 1,
  rightsMany: 2,
  respondentsSeveral: 1,
  respondentsMany: 2,
  foreign: 3,
  punitive: 3,
  creditPrior: 2,
  creditSameRight: 3,
} as const;

/** One entry of the enterprise credit register (an infringement found, or an ignored decision). */
export interface CreditEntry {
  name: string;
  rightNumber?: string;
  /** e.g. `infringement`; see `CREDIT_NON_COMPLIANCE_DECISIONS` for ignored decisions. */
  decision: string;
  date: Date | string;
}

/** The respondent's credit-register entries (the server looks them up by name). */
export interface CreditRecord {
  entries: CreditEntry[];
}

/** Options of `triage`. */
export interface TriageOptions {
  creditRecord?: CreditRecord;
  /** Entries older than `CREDIT_LOOKBACK_DAYS` before `now` are ignored; without it all count. */
  now?: Date;
}

/** The track, the complexity score (sum of the factor weights) and the reasons, track first. */
export interface TriageResult {
  track: Track;
  score: number;
  reasons: Reason[];
}

/** The respondent's relevant credit-register entries, split by kind. */
export interface PriorRecords {
  infringements: CreditEntry[];
  nonCompliance: CreditEntry[];
}

const IP_TYPE_PHRASES: Readonly<Record<IpType, string>> = {
  inventionPatent: 'an invention patent',
  utilityModel: 'a utility model patent',
  designPatent: 'a design patent',
  trademark: 'a trademark',
  copyright: 'a copyright',
  tradeSecret: 'a trade secret',
  icLayout: 'an IC layout design',
  other: 'an IP right of another kind',
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** An English phrase for an IP type, e.g. `a design patent`. */
export function describeIpType(ipType: IpType): string {
  return IP_TYPE_PHRASES[ipType];
}

/** Whether an IP type is technically complex (invention patents, IC layouts). */
export function isTechnicallyComplex(ipType: IpType): boolean {
  return TECHNICAL_COMPLEXITY[ipType] >= 3;
}

/** Whether punitive damages are requested. */
export function wantsPunitive(complaint: Complaint): boolean {
  return complaint.claim.remedies.includes('punitive');
}

/** How many respondents the complaint names in all. */
export function respondentCountOf(complaint: Complaint): number {
  const named = 1 + (complaint.otherRespondents?.length ?? 0);
  return Math.max(complaint.respondentCount ?? named, named);
}

/** The respondent's credit-register entries, matched by normalised name and within the look-back. */
export function priorRecords(
  creditRecord: CreditRecord | undefined,
  respondentName: string,
  now?: Date,
): PriorRecords {
  const name = normalizePartyName(respondentName);
  const since = now ? now.getTime() - CREDIT_LOOKBACK_DAYS * DAY_MS : -Infinity;
  const until = now ? now.getTime() : Infinity;
  const relevant = (creditRecord?.entries ?? []).filter((e) => {
    const at = new Date(e.date).getTime();
    return normalizePartyName(e.name) === name && !(at < since || at > until);
  });
  return {
    infringements: relevant.filter((e) => !CREDIT_NON_COMPLIANCE_DECISIONS.includes(e.decision)),
    nonCompliance: relevant.filter((e) => CREDIT_NON_COMPLIANCE_DECISIONS.includes(e.decision)),
  };
}

/** Triages a complaint: its track, complexity score and the reasons for both. */
export function triage(complaint: Complaint, options: TriageOptions = {}): TriageResult {
  const amount = complaint.claim.amountCny;
  const rights = complaint.rights.length;
  const respondents = respondentCountOf(complaint);
  const evidence = complaint.evidence;
  const monetary = amount > 0 || complaint.claim.remedies.some((r) => r === 'damages' || r === 'punitive');
  const descriptionChars = complaint.description.trim().length;
  const factsThin = descriptionChars < FACTS_MIN_CHARS;
  const complexity = TECHNICAL_COMPLEXITY[complaint.ipType];
  const foreign = complaint.foreignRelated === true;
  const punitive = wantsPunitive(complaint);
  const prior = priorRecords(options.creditRecord, complaint.respondent.name, options.now);
  const ownRights = new Set(complaint.rights.map((r) => normalizeRightNumber(r.number)));
  const sameRight = prior.infringements.filter(
    (e) => e.rightNumber !== undefined && ownRights.has(normalizeRightNumber(e.rightNumber)),
  );
  const missing = evidence
    ? [
        evidence.hasRightCertificate ? null : 'a right certificate',
        evidence.hasInfringementProof ? null : 'proof of infringement',
        evidence.hasDamagesProof || !monetary ? null : 'proof of damages',
      ].filter((m): m is string => m !== null)
    : null;
  const evidenceComplete = missing !== null && missing.length === 0;
  const clearEvidence = evidence?.hasRightCertificate === true && evidence.hasInfringementProof;
  const W = TRIAGE_WEIGHTS;

  const factors: Reason[] = [
    factsThin
      ? reason(
          'facts.thin',
          `The facts are thinly described (${descriptionChars} characters; at least ${FACTS_MIN_CHARS} expected).`,
          W.factsThin,
        )
      : reason('facts.detailed', `The facts are described in detail (${descriptionChars} characters).`, 0),
    missing === null
      ? reason(
          'evidence.unknown',
          'No evidence summary was given, so the completeness of the evidence is unknown.',
          W.evidenceUnknown,
        )
      : missing.length > 0
        ? reason(
            'evidence.incomplete',
            `The evidence is incomplete: ${joinAnd(missing)} ${missing.length === 1 ? 'is' : 'are'} missing.`,
            missing.length * W.evidenceMissingItem,
          )
        : reason(
            'evidence.complete',
            monetary
              ? 'The evidence is complete: a right certificate, proof of infringement and proof of damages.'
              : 'The evidence is complete: a right certificate and proof of infringement.',
            0,
          ),
    complexityReason(complaint.ipType, complexity),
    amount > LARGE_CLAIM_CNY
      ? reason(
          'amount.large',
          `The amount claimed, ${formatCny(amount)}, is large (over ${formatCny(LARGE_CLAIM_CNY)}).`,
          W.amountLarge,
        )
      : amount > SMALL_CLAIM_CNY
        ? reason(
            'amount.medium',
            `The amount claimed, ${formatCny(amount)}, is above the small-claim limit of ${formatCny(SMALL_CLAIM_CNY)}.`,
            W.amountMedium,
          )
        : reason(
            'amount.small',
            `The amount claimed, ${formatCny(amount)}, is a small claim (at most ${formatCny(SMALL_CLAIM_CNY)}).`,
            0,
          ),
    rights > MANY_RIGHTS
      ? reason('rights.many', `Many rights are asserted (${rights}).`, W.rightsMany)
      : rights > 1
        ? reason('rights.several', `Several rights are asserted (${rights}).`, W.rightsSeveral)
        : reason('rights.single', 'One right is asserted.', 0),
    respondents >= MANY_RESPONDENTS
      ? reason('respondents.many', `Many respondents are named (${respondents}).`, W.respondentsMany)
      : respondents > 1
        ? reason(
            'respondents.several',
            `Several respondents are named (${respondents}).`,
            W.respondentsSeveral,
          )
        : reason('respondents.single', 'One respondent is named.', 0),
    foreign
      ? reason('foreign', 'A foreign party is involved (foreign-related dispute).', W.foreign)
      : reason('foreign.none', 'No foreign party is involved.', 0),
    punitive
      ? reason(
          'punitive',
          complaint.wilful
            ? 'Punitive damages are requested for wilful infringement.'
            : 'Punitive damages are requested.',
          W.punitive,
        )
      : reason('punitive.none', 'No punitive damages are requested.', 0),
    creditReason(options.creditRecord, prior, sameRight),
  ];

  const fastBlockers = [
    complaint.ipType === 'designPatent' ||
    ((complaint.ipType === 'utilityModel' || complaint.ipType === 'inventionPatent') &&
      evidence?.hasRightCertificate === true)
      ? null
      : complaint.ipType === 'utilityModel' || complaint.ipType === 'inventionPatent'
        ? `${describeIpType(complaint.ipType)} needs a clear right certificate`
        : `${describeIpType(complaint.ipType)} is not a patent handled by the fast track`,
    clearEvidence
      ? null
      : 'the evidence is not clear (a right certificate and proof of infringement are needed)',
    foreign ? 'a foreign party is involved' : null,
    complaint.ecommerce || complaint.tradeFair || complaint.complainant.sme
      ? null
      : 'there is no e-commerce listing or trade fair and the complainant is not an SME',
    punitive ? 'punitive damages are requested, which only a court can award' : null,
  ].filter((b): b is string => b !== null);

  const simpleBlockers = [
    amount > SMALL_CLAIM_CNY ? `the claim exceeds ${formatCny(SMALL_CLAIM_CNY)}` : null,
    rights > 1 ? `${rights} rights are asserted` : null,
    respondents > 1 ? `${respondents} respondents are named` : null,
    evidenceComplete ? null : 'the evidence is not complete',
    isTechnicallyComplex(complaint.ipType)
      ? `${describeIpType(complaint.ipType)} is technically complex`
      : null,
    foreign ? 'a foreign party is involved' : null,
    punitive ? 'punitive damages are requested' : null,
    prior.infringements.length > 0 ? 'the respondent has a prior infringement record' : null,
    factsThin ? 'the facts are thinly described' : null,
  ].filter((b): b is string => b !== null);

  let track: Track;
  let explanation: Reason;
  if (fastBlockers.length === 0) {
    track = 'fast';
    const basis =
      complaint.ipType === 'designPatent'
        ? 'a design patent infringement'
        : `${describeIpType(complaint.ipType)} infringement with a clear right certificate`;
    const venue = joinAnd(
      [
        complaint.ecommerce ? 'an e-commerce listing' : null,
        complaint.tradeFair ? 'a trade fair' : null,
        complaint.complainant.sme ? 'an SME complainant' : null,
      ].filter((v): v is string => v !== null),
    );
    explanation = reason(
      'track.fast',
      `Fast track (protection-center rapid handling): ${basis} with clear evidence and no foreign party (${venue}).`,
    );
  } else if (simpleBlockers.length === 0) {
    track = 'simple';
    explanation = reason(
      'track.simple',
      `Simple track (a simple case; a court tries it in summary procedure only where a basic court may hear it): a small, clear claim of ${formatCny(amount)} on one right against one respondent, with complete evidence and no technical complexity. Not the fast track: ${fastBlockers.join('; ')}.`,
    );
  } else {
    track = 'ordinary';
    explanation = reason(
      'track.ordinary',
      `Ordinary track. Not the fast track: ${fastBlockers.join('; ')}. Not the simple track: ${simpleBlockers.join('; ')}.`,
    );
  }
  return { track, score: totalWeight(factors), reasons: [explanation, ...factors] };
}

function complexityReason(ipType: IpType, points: number): Reason {
  const what = describeIpType(ipType);
  const sentence = what.charAt(0).toUpperCase() + what.slice(1);
  if (points >= 3) {
    return reason(
      'complexity.technical',
      `${sentence} is technically complex (technical comparison, possibly a technical investigator).`,
      points,
    );
  }
  if (points > 0) {
    return reason('complexity.moderate', `${sentence} is of moderate technical complexity.`, points);
  }
  return reason('complexity.simple', `${sentence} is technically simple to compare.`, 0);
}

function creditReason(
  creditRecord: CreditRecord | undefined,
  prior: PriorRecords,
  sameRight: CreditEntry[],
): Reason {
  if (!creditRecord) return reason('credit.unchecked', "The respondent's credit record was not checked.", 0);
  const n = prior.infringements.length;
  if (sameRight.length > 0) {
    return reason(
      'credit.sameRight',
      `The respondent's credit record shows infringement already found on the same right (${n} prior infringement ${n === 1 ? 'record' : 'records'}), which makes the case more serious.`,
      TRIAGE_WEIGHTS.creditSameRight,
    );
  }
  if (n > 0) {
    return reason(
      'credit.prior',
      `The respondent's credit record shows ${n} prior infringement ${n === 1 ? 'record' : 'records'}, which makes the case more serious.`,
      TRIAGE_WEIGHTS.creditPrior,
    );
  }
  return reason('credit.none', 'The respondent has no prior infringement record.', 0);
}

function joinWith(items: string[], word: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

function joinAnd(items: string[]): string {
  return joinWith(items, 'and');
}
