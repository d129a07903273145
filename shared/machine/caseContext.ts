/**
 * The context of the case machine (persisted in every snapshot, so plain JSON only) and the input
 * a new case starts from.
 */
import type { ClockId } from '../time/clockIds.js';
import type { ArbitrationVariant } from './caseEvents.js';
import type { CourtRecord } from './courtContext.js';
import type { ServiceRecord } from './serviceRules.js';
import type { Channel, ClosureReason, IpType, Track } from '../vocabulary.js';

/** A side of the dispute. */
export type PartySide = 'complainant' | 'respondent';

/** An extension of a clock's period. */
export interface ClockExtension {
  amount: number;
  unit: 'days' | 'months';
}

/** A running clock: when it started, its extension if granted, when its breach was recorded. */
export interface ClockEntry {
  startedAt: string;
  extension?: ClockExtension;
  breachedAt?: string;
}

/** How a case ended on the merits. */
export const OUTCOME_KINDS = ['settled', 'awarded', 'judged', 'decided', 'advised', 'disclosed'] as const;
/** A kind of outcome. */
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** The outcome of a case; `infringementFound` puts the respondent in the credit register at closing. */
export interface CaseOutcome {
  kind: OutcomeKind;
  infringementFound: boolean;
  remedy?: string;
  damagesCny?: number;
  punitiveDamagesCny?: number;
  /** A mediation agreement confirmed by a court. */
  judiciallyConfirmed?: boolean;
  at: string;
}

/** The mediation extension: requested by the mediator, granted when both parties approve. */
export interface MediationExtension {
  requestedDays: number | null;
  approvals: { complainant: boolean; respondent: boolean };
  granted: boolean;
}

/** A seller's counter-notice to an e-commerce takedown: filed, then forwarded to the rights holder. */
export interface CounterNotice {
  statement: string;
  filedAt: string;
  /** When the platform's forwarding reached the rights holder (E-Commerce Law art. 43). */
  receivedAt?: string;
}

/** What a party chose for the sole arbitrator: an arbitrator's id, or `chairman` (entrusted). */
export type ArbitratorNomination = string;

/** A respondent besides the first (`respondents.ts`): the account answering for them and their service. */
export interface CoRespondent {
  id: string | null;
  service: ServiceRecord | null;
}

/** The context of the case machine. */
export interface CaseContext {
  caseId: string;
  filedAt: string;
  complainantId: string;
  respondentId: string | null;
  ipType: IpType;
  track: Track;
  recommendedChannel: Channel | null;
  channel: Channel | null;
  /** Routing held for admin review (PAE risk). */
  held: boolean;
  /** The administrative channel runs as a protection center's fast track. */
  fastTrack: boolean;
  /** The complaint concerns an e-commerce listing. */
  ecommerce: boolean;
  /**
   * The complaint claims punitive damages. Absent in snapshots from before it was recorded, which
   * are then treated as claimed (the court saw the claim in the complaint).
   */
  punitiveClaimed?: boolean;
  arbitrationVariant: ArbitrationVariant | null;
  mediatorId: string | null;
  /** Mediators that declined, had a conflict or timed out: never assigned again. */
  declinedMediatorIds: string[];
  /**
   * Conflicts of interest declared by mediators: each applies to this case and, beyond it, to the
   * declared party only (`party`; absent in conflicts declared before a party was named).
   */
  conflicts: { mediatorId: string; reason: string; party?: PartySide }[];
  arbitratorId: string | null;
  declinedArbitratorIds: string[];
  investigatorId: string | null;
  entrustedMediation: boolean;
  signatures: { complainant: boolean; respondent: boolean };
  agreementTerms: string | null;
  extension: MediationExtension;
  /**
   * The parties' applications for judicial confirmation of the signed agreement (a joint application:
   * CPL art. 205). Absent in snapshots from before it was recorded: read as none made.
   */
  confirmationApplications?: { complainant: boolean; respondent: boolean };
  sessions: { at: string; notes?: string }[];
  transfers: { from: Channel | null; to: Channel; reason: string; at: string }[];
  respondentAnswer: { answer: string; at: string } | null;
  techReport: { summary: string; match: boolean; at: string } | null;
  outcome: CaseOutcome | null;
  closureReason: ClosureReason | null;
  clocks: Partial<Record<ClockId, ClockEntry>>;
  /** The court proceedings (optional: absent in snapshots of machine version 1; see `courtContext.ts`). */
  court?: CourtRecord;
  /**
   * The arbitration agreement (Arbitration Law arts. 4, 16): recorded in the complaint, or given by
   * the respondent later. Absent in snapshots from before it was recorded: no agreement.
   */
  arbitrationAgreement?: { source: 'complaint' | 'respondent'; at: string } | null;
  /** Each party's choice of the sole arbitrator (expedited arbitration, Arbitration Law art. 31). */
  arbitratorNominations?: { complainant?: ArbitratorNomination; respondent?: ArbitratorNomination };
  /** The seller's counter-notice to a takedown, when one was filed. */
  counterNotice?: CounterNotice | null;
  /** The rights holder's notice of a complaint filed or a lawsuit brought (E-Commerce Law art. 43). */
  complaintNotice?: { forum: 'authority' | 'court'; reference: string; at: string } | null;
  /** Hand-overs between organisations of the same channel, each with its reason. */
  handovers?: { orgId: string; reason: string; at: string }[];
  /**
   * Service on the respondent (`serviceRules.ts`), once recorded. Absent in snapshots from before
   * machine version 3: read as not served.
   */
  service?: ServiceRecord | null;
  /** Clocks that run from service, waiting for it: each with the instant its state was entered. */
  awaitingService?: Partial<Record<ClockId, string>>;
  /**
   * The respondents besides the first, in the complaint's order (`respondents.ts`). Absent in
   * snapshots from before machine version 4: none.
   */
  coRespondents?: CoRespondent[];
  /** The respondents (account ids) who consented to mediation while it waits for every one's consent. */
  respondentConsents?: string[];
  /** The respondents (account ids) who signed the draft agreement; `signatures.respondent` once all have. */
  respondentSignatures?: string[];
}

/** What a new case starts from (the filed complaint after triage and routing recommendation). */
export interface CaseInput {
  caseId: string;
  /** ISO instant of filing: the screening clock starts then. */
  filedAt: string;
  complainantId: string;
  respondentId?: string | null;
  /** One entry per other respondent the complaint names: the account found by its address, or null. */
  otherRespondentIds?: (string | null)[];
  ipType: IpType;
  track: Track;
  recommendedChannel?: Channel | null;
  held?: boolean;
  ecommerce?: boolean;
  /** The complaint claims punitive damages (a court may award them only when claimed). */
  punitiveClaimed?: boolean;
  /** The complaint records an arbitration agreement between the parties. */
  arbitrationAgreement?: boolean;
}

/** A mediation extension that has not been requested. */
export const NO_EXTENSION: MediationExtension = {
  requestedDays: null,
  approvals: { complainant: false, respondent: false },
  granted: false,
};

/** The context of a newly filed case. */
export function createCaseContext(input: CaseInput): CaseContext {
  return {
    caseId: input.caseId,
    filedAt: input.filedAt,
    complainantId: input.complainantId,
    respondentId: input.respondentId ?? null,
    ipType: input.ipType,
    track: input.track,
    recommendedChannel: input.recommendedChannel ?? null,
    channel: null,
    held: input.held ?? false,
    fastTrack: false,
    ecommerce: input.ecommerce ?? false,
    punitiveClaimed: input.punitiveClaimed ?? false,
    arbitrationVariant: null,
    mediatorId: null,
    declinedMediatorIds: [],
    conflicts: [],
    arbitratorId: null,
    declinedArbitratorIds: [],
    investigatorId: null,
    entrustedMediation: false,
    signatures: { complainant: false, respondent: false },
    agreementTerms: null,
    extension: NO_EXTENSION,
    sessions: [],
    transfers: [],
    respondentAnswer: null,
    techReport: null,
    outcome: null,
    closureReason: null,
    clocks: {},
    arbitrationAgreement: input.arbitrationAgreement ? { source: 'complaint', at: input.filedAt } : null,
    service: null,
    awaitingService: {},
    coRespondents: (input.otherRespondentIds ?? []).map((id) => ({ id, service: null })),
    respondentConsents: [],
    respondentSignatures: [],
  };
}
