/** The credit register's entries as the API returns them (staff, parties, the public disclosure). */

/** Statuses of a credit-register entry (`pendingAppeal` is never listed publicly). */
export const CREDIT_STATUSES = ['pendingAppeal', 'final', 'objected', 'corrected', 'removed'] as const;
/** A status of a credit-register entry. */
export type CreditStatus = (typeof CREDIT_STATUSES)[number];

/** Which law allows an entry to be published, as a key the client translates (the stored text is English). */
export const LEGAL_BASIS_KEYS = [
  'finalJudgment',
  'administrativeDecision',
  'pendingAppeal',
  'nonComplianceJudgment',
  'nonComplianceAdministrative',
  'other',
] as const;
/** A legal-basis key. */
export type LegalBasisKey = (typeof LEGAL_BASIS_KEYS)[number];

/** One entry of the public credit register as the API returns it. */
export interface CreditEntryView {
  /** The entry id (to object to it or decide an objection). */
  id: string;
  name: string;
  rightNumber: string;
  ipType: string;
  /** `infringement:<outcome kind>` or `nonCompliance`. */
  decision: string;
  channel: string | null;
  /** ISO instant of the decision that put the entry on the register. */
  date: string;
  caseNo: string;
  status: CreditStatus;
  /** The law that allows the decision to be published. */
  legalBasis: string | null;
  /** The same as a key the client shows in the user's language. */
  legalBasisKey: LegalBasisKey | null;
}

/** An entry as its party and staff see it: the public view plus the procedure around it. */
export interface CreditEntryDetailView extends CreditEntryView {
  listed: boolean;
  notifiedAt: string | null;
  objectionDueAt: string | null;
  objection: { reason: string; at: string } | null;
  removeAfter: string | null;
  history: { status: CreditStatus; at: string; reason: string }[];
  /** The source case (staff open it from the register). */
  caseId: string | null;
  /** `enterprise` or `individual`. */
  partyType: string | null;
}

/** One entry of the public disclosure: what the law allows to publish, no ids or personal data. */
export interface DisclosedEntryView {
  /** An organisation's name; a natural person's masked (`maskPartyName`). */
  name: string;
  partyType: 'enterprise' | 'individual';
  ipType: string;
  rightNumber: string;
  decision: string;
  channel: string | null;
  legalBasisKey: LegalBasisKey | null;
  date: string;
  /** The disclosure ends then. */
  until: string | null;
  /** `final`, `corrected`, or `objected` (under objection: the listed party contests it). */
  status: string;
}

/** A page of the public disclosure. */
export interface DisclosurePage {
  items: DisclosedEntryView[];
  page: number;
  limit: number;
  total: number;
}
