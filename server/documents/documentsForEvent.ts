import type { CaseContext } from '../../shared/case/caseContext.js';
import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { CaseDoc } from '../cases/caseModel.js';
import type { DocumentKind } from '../../shared/documents/documentKinds.js';

/**
 * The documents an event calls for, read from the event and the case as it left it (pure). Only
 * machine transitions produce documents; a transition into `closed` also yields the closure notice.
 */
export function documentsForEvent(event: CaseEventDoc, caseDoc: CaseDoc): DocumentKind[] {
  if (event.kind !== 'transition') return [];
  const context = (caseDoc.snapshot as { context: CaseContext }).context;
  const kinds: DocumentKind[] = [];
  switch (event.type) {
    case 'ACCEPT':
      kinds.push('acceptanceNotice');
      break;
    case 'REJECT':
      kinds.push('rejectionNotice');
      break;
    case 'REQUEST_INFO':
      kinds.push('infoRequest');
      break;
    case 'ACCEPT_ASSIGNMENT':
      kinds.push('mediationInvitation');
      break;
    case 'PROPOSE_AGREEMENT':
      kinds.push('mediationAgreement');
      break;
    case 'SIGN_AGREEMENT':
      if (context.signatures.complainant && context.signatures.respondent) kinds.push('signedAgreement');
      break;
    case 'REQUEST_CONFIRMATION':
      if (event.stage.endsWith('awaitingConfirmation')) kinds.push('confirmationApplication');
      break;
    case 'CONFIRM_AGREEMENT':
    case 'REFUSE_CONFIRMATION':
      kinds.push('confirmationRuling');
      break;
    case 'DETERMINE':
      kinds.push('administrativeDecision');
      if (event.stage.includes('remedy.noticeIssued')) kinds.push('takedownNotice');
      // no infringement on an e-commerce complaint: any measure taken on the complaint is lifted
      else if (event.data.infringement === false && context.ecommerce) kinds.push('restoreNotice');
      break;
    case 'RENDER_AWARD':
      kinds.push('arbitralAward');
      break;
    case 'RENDER_JUDGMENT':
      kinds.push('judgmentSummary');
      break;
  }
  if (event.status === 'closed') kinds.push('closureNotice');
  return kinds;
}
