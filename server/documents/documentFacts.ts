import { orgById } from '../orgs/orgLookups.js';
import type { Connection } from 'mongoose';
import type { CaseContext } from '../../shared/case/caseContext.js';
import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { CaseDoc } from '../cases/caseModel.js';
import type { CaseStore } from '../cases/caseStore.js';
import { agreementState } from './agreementState.js';
import type { DocumentFacts } from './documentContent.js';
import type { DocumentKind } from '../../shared/documents/documentKinds.js';

const AGREEMENT_KINDS: ReadonlySet<DocumentKind> = new Set([
  'mediationAgreement',
  'signedAgreement',
  'confirmationApplication',
  'confirmationRuling',
]);

/**
 * Gathers what a document of `kind` is rendered from: the case, the event that called for it, the
 * holding organisation's name and, for agreements, the agreement as it stood at that event.
 */
export async function documentFacts(
  db: Connection,
  store: CaseStore,
  doc: CaseDoc,
  event: CaseEventDoc,
  kind: DocumentKind,
): Promise<DocumentFacts> {
  const org = doc.orgId ? await orgById(db, doc.orgId, { name: 1, nameZh: 1 }) : null;
  const agreement = AGREEMENT_KINDS.has(kind) ? await agreementState(store, doc, event.seq) : null;
  return {
    caseNo: doc.caseNo,
    title: doc.title,
    complainantName: doc.complainantName,
    respondentName: doc.respondentName,
    ipType: doc.complaint.ipType,
    channel: doc.channel ?? null,
    status: doc.status,
    claimCny: typeof doc.complaint.claim?.amountCny === 'number' ? doc.complaint.claim.amountCny : null,
    filedAt: new Date(doc.filedAt).toISOString(),
    orgName: org ? { 'zh-CN': org.nameZh || org.name, en: org.name } : null,
    context: (doc.snapshot as { context: CaseContext }).context,
    event: {
      seq: event.seq,
      type: event.type,
      at: new Date(event.at).toISOString(),
      hash: event.hash,
      data: event.data,
    },
    agreement: agreement
      ? { text: agreement.text, sha256: agreement.sha256, signatures: agreement.signatures }
      : undefined,
  };
}
