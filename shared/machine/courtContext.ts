/**
 * What the case machine records about court proceedings (CPL 2023 numbering): a pending application
 * to withdraw (art. 148), the extensions of the trial period (arts. 152, 164), the parties without a
 * domicile in China (art. 286) and the appeal (art. 171). Snapshots of machine version 1 have none
 * of it: `courtRecordOf` reads an absent record as the empty one.
 */
import type { CaseContext } from './caseContext.js';
import type { PartySide, TrialExtensionApprover } from './caseEvents.js';

/** One approved extension of the trial period. */
export interface TrialExtension {
  approvedBy: TrialExtensionApprover;
  months: number;
  at: string;
}

/** The court proceedings of a case. */
export interface CourtRecord {
  /** The complainant applied to withdraw and the court has not ruled yet. */
  withdrawal: { at: string; reason?: string } | null;
  /** Extensions of the running trial period, in the order approved. */
  trialExtensions: TrialExtension[];
  /** Parties with no domicile in China (30-day appeal period). */
  partiesWithoutDomicile: PartySide[];
  /** The party that appealed the judgment, and when. */
  appeal: { side: PartySide; at: string; reason?: string } | null;
  /** When the judgment became final (the appeal window passed unappealed). */
  finalAt: string | null;
}

/** The court record of a case that has none yet. */
export const EMPTY_COURT_RECORD: CourtRecord = {
  withdrawal: null,
  trialExtensions: [],
  partiesWithoutDomicile: [],
  appeal: null,
  finalAt: null,
};

/** The court record of a case (the empty one when the snapshot predates it). */
export function courtRecordOf(context: Pick<CaseContext, 'court'>): CourtRecord {
  return { ...EMPTY_COURT_RECORD, ...context.court };
}
