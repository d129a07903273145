import type { CreditEntryDoc } from './creditEntryModel.js';

/** One entry of the public credit register as the API returns it. */
export interface CreditEntryView {
  name: string;
  rightNumber: string;
  ipType: string;
  /** `infringement:<outcome kind>` or `nonCompliance`. */
  decision: string;
  channel: string | null;
  /** ISO instant of the decision that put the entry on the register. */
  date: string;
  caseNo: string;
}

/** The public view of a credit register entry (no internal ids or normalised keys). */
export function presentCreditEntry(entry: CreditEntryDoc): CreditEntryView {
  return {
    name: entry.name,
    rightNumber: entry.rightNumber,
    ipType: entry.ipType,
    decision: entry.decision,
    channel: entry.channel,
    date: new Date(entry.date).toISOString(),
    caseNo: entry.caseNo,
  };
}
