import type { CreditEntryDoc } from './creditEntryModel.js';
import type { CreditStatus } from './creditStatuses.js';
import { statusOf } from './creditRules.js';
import { legalBasisKeyOf, type LegalBasisKey } from './legalBasisKey.js';

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

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** The public view of a credit register entry (no internal ids or normalised keys). */
export function presentCreditEntry(entry: CreditEntryDoc): CreditEntryView {
  return {
    id: entry._id,
    name: entry.name,
    rightNumber: entry.rightNumber,
    ipType: entry.ipType,
    decision: entry.decision,
    channel: entry.channel,
    date: new Date(entry.date).toISOString(),
    caseNo: entry.caseNo,
    status: statusOf(entry),
    legalBasis: entry.legalBasis ?? null,
    legalBasisKey: legalBasisKeyOf(entry),
  };
}

/** The view of an entry for its listed party and staff. */
export function presentCreditEntryDetail(entry: CreditEntryDoc): CreditEntryDetailView {
  return {
    ...presentCreditEntry(entry),
    listed: entry.listed !== false,
    notifiedAt: iso(entry.notifiedAt),
    objectionDueAt: iso(entry.objectionDueAt),
    objection: entry.objection ? { reason: entry.objection.reason, at: iso(entry.objection.at) ?? '' } : null,
    removeAfter: iso(entry.removeAfter),
    history: (entry.history ?? []).map((h) => ({ status: h.status, at: iso(h.at) ?? '', reason: h.reason })),
    caseId: entry.caseId ?? null,
    partyType: entry.partyType ?? null,
  };
}
