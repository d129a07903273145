import type { CaseAction } from '../../shared/machine/caseEvents.js';
import type { CaseDoc } from '../cases/caseModel.js';
import type { CaseStore } from '../cases/caseStore.js';
import { DomainError } from '../errors/domainError.js';
import { agreementState } from './agreementState.js';

/**
 * A signature is given on the text: `SIGN_AGREEMENT` names the SHA-256 of the agreement text the
 * party read, and is refused (409 `agreementChanged`, with the current hash) when the draft has
 * changed since. The action is returned with the current hash, which the event then records. The
 * commit that follows fails if another draft is proposed meanwhile (its seq is taken).
 */
export async function checkAgreementSignature(
  store: Pick<CaseStore, 'eventsOfType'>,
  doc: CaseDoc,
  action: CaseAction,
): Promise<CaseAction> {
  if (action.type !== 'SIGN_AGREEMENT') return action;
  const state = await agreementState(store, doc);
  if (!state) return action; // no draft: the machine refuses the signature
  if (action.agreementSha256 !== undefined && action.agreementSha256.toLowerCase() !== state.sha256) {
    throw new DomainError(
      'conflict',
      'The agreement you signed is not the current draft: read the current text and sign it again.',
      { code: 'agreementChanged', sha256: state.sha256, draftSeq: state.draftSeq },
    );
  }
  return { ...action, agreementSha256: state.sha256 };
}
