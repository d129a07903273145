/**
 * The events of the case lifecycle machine: who sends them (`actor`), when (`at`) and what they
 * carry. The server adds `actor` and `at`; a client sends only `type` and the payload.
 */
import type { ClockId } from '../time/clockIds.js';
import type { ServiceMeans } from './serviceRules.js';
import type { Channel, ClosureReason, OrgType, Role, Track } from '../vocabulary.js';

/** Who sends an event: a user with a role, or the platform itself (`system`: clock, auto-assignment). */
export interface Actor {
  id: string;
  role: Role | 'system';
  orgId?: string | null;
  orgType?: OrgType | null;
}

/** Arbitration procedure variants. */
export const ARBITRATION_VARIANTS = ['expedited', 'standard'] as const;
/** An arbitration procedure variant. */
export type ArbitrationVariant = (typeof ARBITRATION_VARIANTS)[number];

/** Remedies an officer may order in a determination (`DETERMINE`). */
export const DETERMINATION_REMEDIES = [
  'cease',
  'takedown',
  'apology',
  'disclosure',
  'none',
  'confiscateAndFine',
] as const;
/** A remedy ordered by a determination. */
export type DeterminationRemedy = (typeof DETERMINATION_REMEDIES)[number];

/** Where a rights holder brought the complaint it notifies after a counter-notice (E-Commerce Law art. 43). */
export const COMPLAINT_FORUMS = ['authority', 'court'] as const;
/** A forum of a complaint notified after a counter-notice. */
export type ComplaintForum = (typeof COMPLAINT_FORUMS)[number];

/** Outcomes a legal-services officer may record (`RECORD_OUTCOME`). */
export const LEGAL_SERVICE_OUTCOMES = ['advised', 'settled'] as const;
/** A legal-services outcome. */
export type LegalServiceOutcome = (typeof LEGAL_SERVICE_OUTCOMES)[number];

/** A party to the case, by side. */
export const PARTY_SIDES = ['complainant', 'respondent'] as const;
/** A side of the case. */
export type PartySide = (typeof PARTY_SIDES)[number];

/** Who approves an extension of a trial period (CPL art. 152: the court president, then the higher court). */
export const TRIAL_EXTENSION_APPROVERS = ['president', 'higherCourt'] as const;
/** An approver of a trial-period extension. */
export type TrialExtensionApprover = (typeof TRIAL_EXTENSION_APPROVERS)[number];

/** The payload of every event type (everything but `type`, `actor` and `at`). */
export interface CaseEventPayloads {
  ACCEPT: { note?: string };
  REQUEST_INFO: { items: string[]; note?: string };
  REJECT: { reason: string };
  PROVIDE_INFO: { note: string };
  RELEASE_HOLD: { note: string };
  /** `orgId` optionally names the organisation of the channel that takes the case. */
  ROUTE: { channel: Channel; track?: Track; reason?: string; variant?: ArbitrationVariant; orgId?: string };
  TRANSFER: { channel: Channel; reason: string; track?: Track; variant?: ArbitrationVariant; orgId?: string };
  WITHDRAW: { reason?: string };
  /** `respondent`: the slot linked (`respondents.ts`; 0, the complaint's first respondent, when absent). */
  LINK_RESPONDENT: { respondentId: string; respondent?: number };
  DEADLINE: { clock: ClockId };
  ASSIGN_MEDIATOR: { mediatorId: string };
  ACCEPT_ASSIGNMENT: { note?: string };
  /** `conflictWith`: the party a declared conflict of interest concerns. */
  DECLINE_ASSIGNMENT: { conflict?: boolean; conflictWith?: 'complainant' | 'respondent'; reason?: string };
  CONSENT: { note?: string };
  DECLINE: { reason?: string };
  SCHEDULE_SESSION: { sessionAt: string; note?: string };
  RECORD_SESSION: { notes: string };
  REQUEST_EXTENSION: { days?: number; reason?: string };
  APPROVE_EXTENSION: { note?: string };
  PROPOSE_AGREEMENT: { terms: string };
  DECLARE_IMPASSE: { reason?: string };
  /**
   * `agreementSha256`: the SHA-256 of the agreement text the party read and signs; the server refuses
   * a signature on any other text (409) and records the hash with the signature.
   */
  SIGN_AGREEMENT: { note?: string; agreementSha256?: string };
  REQUEST_CONFIRMATION: { note?: string };
  CONFIRM_AGREEMENT: { note?: string };
  REFUSE_CONFIRMATION: { reason: string };
  CLOSE: { reason?: ClosureReason; note?: string };
  RESPOND: { answer: string };
  ENTRUST_MEDIATION: { note?: string };
  START_TRIAL: { note?: string };
  CONVERT_TO_ORDINARY: { reason?: string };
  RENDER_JUDGMENT: {
    infringement: boolean;
    damagesCny?: number;
    punitiveDamagesCny?: number;
    /** The base of punitive damages (actual loss, illegal gains or a licence-fee multiple). */
    punitiveBaseCny?: number;
    wilful?: boolean;
    /** The infringement's circumstances are serious (a condition of punitive damages). */
    seriousCircumstances?: boolean;
    remedy?: string;
    /**
     * The parties with no domicile in China: they may appeal within 30 days of service (CPL art.
     * 286), the others within 15 (art. 171).
     */
    partiesWithoutDomicile?: PartySide[];
  };
  APPOINT_ARBITRATOR: { arbitratorId: string };
  DECLARE_IMPARTIALITY: { note?: string };
  RENDER_AWARD: { infringement: boolean; damagesCny?: number; remedy?: string };
  ASSIGN_INVESTIGATOR: { investigatorId: string };
  SUBMIT_TECH_REPORT: { summary: string; match: boolean };
  DETERMINE: { infringement: boolean; remedy: DeterminationRemedy; note?: string };
  COUNTER_NOTICE: { statement: string };
  RECORD_OUTCOME: { outcome: LegalServiceOutcome; notes: string };
  OPEN_COMPLIANCE: { note?: string };
  RECORD_COMPLIANCE: { complied: boolean; note?: string };
  /** A party appeals the first-instance judgment to the higher court (CPL art. 171). */
  APPEAL: { reason?: string };
  /** The court permits the complainant's withdrawal (CPL art. 148). */
  PERMIT_WITHDRAWAL: { note?: string };
  /** The court refuses the complainant's withdrawal: the trial continues (CPL art. 148). */
  REFUSE_WITHDRAWAL: { reason: string };
  /** The trial period is extended by the court president or the higher court (CPL arts. 152, 164). */
  EXTEND_TRIAL: { months: number; approvedBy: TrialExtensionApprover; reason: string };
  /** The platform forwarded the seller's counter-notice and it reached the rights holder (art. 43). */
  FORWARD_COUNTER_NOTICE: { note?: string };
  /** The rights holder notifies the platform of a complaint filed or a lawsuit brought (art. 43). */
  NOTIFY_COMPLAINT: { forum: ComplaintForum; reference: string };
  /** The respondent agrees in writing to arbitrate the dispute (Arbitration Law arts. 4, 16). */
  AGREE_TO_ARBITRATE: { note?: string };
  /** A party nominates the sole arbitrator, or entrusts the commission's chairman (art. 31). */
  NOMINATE_ARBITRATOR: { arbitratorId?: string; entrustChairman?: boolean };
  /** The case is handed to another organisation of the same channel, with a reason. */
  HAND_OVER: { orgId: string; reason: string };
  /**
   * The respondent was served (`serviceRules.ts`): the answer and consent periods run from `servedAt`.
   * `link` is recorded by the platform when the respondent claims the invitation; staff record the
   * other means with the date of service.
   */
  /** `respondent`: the slot served (`respondents.ts`; 0, the complaint's first respondent, when absent). */
  SERVE: { means: ServiceMeans; servedAt: string; note?: string; respondent?: number };
}

/** Every event type, in a stable order (UI lists and tests iterate it). */
export const CASE_EVENT_TYPES = [
  'ACCEPT',
  'REQUEST_INFO',
  'REJECT',
  'PROVIDE_INFO',
  'RELEASE_HOLD',
  'ROUTE',
  'TRANSFER',
  'WITHDRAW',
  'LINK_RESPONDENT',
  'DEADLINE',
  'ASSIGN_MEDIATOR',
  'ACCEPT_ASSIGNMENT',
  'DECLINE_ASSIGNMENT',
  'CONSENT',
  'DECLINE',
  'SCHEDULE_SESSION',
  'RECORD_SESSION',
  'REQUEST_EXTENSION',
  'APPROVE_EXTENSION',
  'PROPOSE_AGREEMENT',
  'DECLARE_IMPASSE',
  'SIGN_AGREEMENT',
  'REQUEST_CONFIRMATION',
  'CONFIRM_AGREEMENT',
  'REFUSE_CONFIRMATION',
  'CLOSE',
  'RESPOND',
  'ENTRUST_MEDIATION',
  'START_TRIAL',
  'CONVERT_TO_ORDINARY',
  'RENDER_JUDGMENT',
  'APPOINT_ARBITRATOR',
  'DECLARE_IMPARTIALITY',
  'RENDER_AWARD',
  'ASSIGN_INVESTIGATOR',
  'SUBMIT_TECH_REPORT',
  'DETERMINE',
  'COUNTER_NOTICE',
  'RECORD_OUTCOME',
  'OPEN_COMPLIANCE',
  'RECORD_COMPLIANCE',
  'APPEAL',
  'PERMIT_WITHDRAWAL',
  'REFUSE_WITHDRAWAL',
  'EXTEND_TRIAL',
  'FORWARD_COUNTER_NOTICE',
  'NOTIFY_COMPLAINT',
  'AGREE_TO_ARBITRATE',
  'NOMINATE_ARBITRATOR',
  'HAND_OVER',
  'SERVE',
] as const satisfies readonly (keyof CaseEventPayloads)[];

/** A case event type. */
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

// Compile-time check that CASE_EVENT_TYPES lists every payload key.
type MissingEventTypes = Exclude<keyof CaseEventPayloads, CaseEventType>;
const _allEventTypesListed: [MissingEventTypes] extends [never] ? true : MissingEventTypes = true;

/** The fields the server adds to every event. */
export interface CaseEventEnvelope {
  actor: Actor;
  /** ISO instant at which the event happened. */
  at: string;
  /**
   * On replay, the machine version that accepted the stored event: rules added later (issue 14)
   * do not refuse what an earlier version accepted.
   */
  machineVersion?: number;
}

/** The event of one type: envelope, type and payload. */
export type CaseEventOf<T extends CaseEventType> = { type: T } & CaseEventEnvelope & CaseEventPayloads[T];

/** Any case event. */
export type CaseEvent = { [T in CaseEventType]: CaseEventOf<T> }[CaseEventType];

/** What a client sends for an action: the type and payload, without `actor` and `at`. */
export type CaseAction = { [T in CaseEventType]: { type: T } & CaseEventPayloads[T] }[CaseEventType];
