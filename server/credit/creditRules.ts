/**
 * Which decisions the credit register may publish, and on what legal basis. Only final decisions a
 * law allows to publish: a first-instance judgment once its appeal window has passed (CPL 2023 art.
 * 171; judgments are public, SPC Provisions on Publishing Judgments on the Internet, 法释〔2016〕19号)
 * and an administrative decision (Administrative Penalty Law art. 48; Regulations on the Disclosure
 * of Government Information). Never arbitral awards (confidential, Arbitration Law art. 40) nor the
 * findings of industry associations (self-regulation, no legal power to publish); social supervision
 * publishes on its own channel.
 */
import type { CaseContext } from '../../shared/case/caseContext.js';
import { courtRecordOf } from '../../shared/case/courtContext.js';
import type { CreditStatus } from './creditStatuses.js';

/** The legal basis for publishing an infringement finding of this case, or null when none allows it. */
export function publicationBasis(context: CaseContext): string | null {
  const outcome = context.outcome;
  if (!outcome?.infringementFound) return null;
  if (context.channel === 'judicial' && outcome.kind === 'judged') {
    return courtRecordOf(context).finalAt !== null
      ? 'Final judgment: not appealed within the period (Civil Procedure Law 2023 art. 171); judgments are public (法释〔2016〕19号)'
      : null;
  }
  if (context.channel === 'administrative' && outcome.kind === 'decided') {
    return 'Administrative decision on infringement (Administrative Penalty Law art. 48; Regulations on the Disclosure of Government Information)';
  }
  return null;
}

/** The basis recorded while a judgment is still open to appeal (not public). */
export const PENDING_APPEAL_BASIS =
  'First-instance judgment open to appeal (Civil Procedure Law 2023 arts. 171, 286): not published until final';

/** Statuses shown on the public register. */
export const PUBLIC_STATUSES: readonly CreditStatus[] = ['final', 'objected', 'corrected'];

/** An entry without a status was written before statuses existed: it was a final, listed entry. */
export function statusOf(entry: { status?: CreditStatus | undefined }): CreditStatus {
  return entry.status ?? 'final';
}
