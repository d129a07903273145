import type { CreditEntryDetailView, CreditEntryView } from '../../shared/api/creditView.js';
import type { CreditEntryDoc } from './creditEntryModel.js';
import { statusOf } from './creditRules.js';
import { legalBasisKeyOf } from './legalBasisKey.js';

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
