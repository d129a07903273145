/**
 * The product vocabulary from the design brief. These identifiers are used verbatim in code, the
 * API, the database and as UI translation keys.
 */

/** The seven channels of cross-domain protection. */
export const CHANNELS = [
  'administrative',
  'judicial',
  'mediation',
  'arbitration',
  'legalServices',
  'socialSupervision',
  'industrySelfRegulation',
] as const;
/** One of the seven channels. */
export type Channel = (typeof CHANNELS)[number];

/** Procedure tracks: protection-center rapid handling, summary procedure, ordinary procedure. */
export const TRACKS = ['fast', 'simple', 'ordinary'] as const;
/** A procedure track. */
export type Track = (typeof TRACKS)[number];

/** Kinds of intellectual property a complaint can be about. */
export const IP_TYPES = [
  'inventionPatent',
  'utilityModel',
  'designPatent',
  'trademark',
  'copyright',
  'tradeSecret',
  'icLayout',
  'other',
] as const;
/** A kind of intellectual property. */
export type IpType = (typeof IP_TYPES)[number];

/** User roles. `officer` is staff of an organisation (enforcement officer, judge, examiner…). */
export const ROLES = [
  'complainant',
  'respondent',
  'mediator',
  'arbitrator',
  'officer',
  'investigator',
  'admin',
] as const;
/** A user role. */
export type Role = (typeof ROLES)[number];

/** Organisation types: a channel id or a protection center. */
export const ORG_TYPES = [...CHANNELS, 'protectionCenter'] as const;
/** An organisation type. */
export type OrgType = (typeof ORG_TYPES)[number];

/** Why a case was closed. */
export const CLOSURE_REASONS = [
  'settled',
  'awarded',
  'judged',
  'decided',
  'withdrawn',
  'rejected',
  'lapsed',
  'transferredOut',
  'appealed',
] as const;
/** A closure reason. */
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** Top-level lifecycle states of a case (the `status` of a case). */
export const CASE_STATUSES = [
  'screening',
  'awaitingInfo',
  'triage',
  'inChannel',
  'resolved',
  'compliance',
  'closed',
] as const;
/** A top-level lifecycle state. */
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Remedies a complainant can ask for. */
export const REMEDIES = ['cease', 'damages', 'takedown', 'apology', 'punitive'] as const;
/** A remedy. */
export type Remedy = (typeof REMEDIES)[number];

/** Kinds of party. */
export const PARTY_TYPES = ['enterprise', 'individual'] as const;
/** A kind of party. */
export type PartyType = (typeof PARTY_TYPES)[number];

/** Message visibility in a case: joint, or a private caucus between the mediator and one party. */
export const MESSAGE_VISIBILITIES = ['joint', 'caucus:complainant', 'caucus:respondent'] as const;
/** A message visibility. */
export type MessageVisibility = (typeof MESSAGE_VISIBILITIES)[number];
