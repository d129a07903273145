import type { LegalBasisKey } from '../../shared/api/creditView.js';
import type { CreditEntryDoc } from './creditEntryModel.js';
import { PENDING_APPEAL_BASIS } from './creditRules.js';

/** The legal-basis key of an entry, from its recorded basis text (`creditRules.ts`) and decision. */
export function legalBasisKeyOf(
  entry: Pick<CreditEntryDoc, 'legalBasis' | 'decision'>,
): LegalBasisKey | null {
  const basis = entry.legalBasis;
  if (!basis) return null;
  if (basis === PENDING_APPEAL_BASIS) return 'pendingAppeal';
  const judgment = basis.startsWith('Final judgment');
  const administrative = basis.startsWith('Administrative decision');
  if (entry.decision === 'nonCompliance') {
    if (judgment) return 'nonComplianceJudgment';
    if (administrative) return 'nonComplianceAdministrative';
  }
  if (judgment) return 'finalJudgment';
  if (administrative) return 'administrativeDecision';
  return 'other';
}
