/** The documents Sevenfold generates from a case's events (each a PDF, in zh-CN and English). */
export const DOCUMENT_KINDS = [
  'acceptanceNotice',
  'rejectionNotice',
  'infoRequest',
  'mediationInvitation',
  'mediationAgreement',
  'signedAgreement',
  'confirmationApplication',
  'confirmationRuling',
  'takedownNotice',
  'restoreNotice',
  'administrativeDecision',
  'arbitralAward',
  'judgmentSummary',
  'closureNotice',
] as const;

/** A kind of generated document. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The languages a document is rendered in. */
export const DOCUMENT_LANGS = ['zh-CN', 'en'] as const;

/** A document language. */
export type DocumentLang = (typeof DOCUMENT_LANGS)[number];

/** The id of a generated document within its case: the event that caused it, its kind and language. */
export function documentIdOf(sourceSeq: number, kind: DocumentKind, lang: DocumentLang): string {
  return `${sourceSeq}-${kind}-${lang}`;
}

/** The shape of a document id (`<seq>-<kind>-<lang>`). */
export const DOCUMENT_ID_PATTERN = /^[1-9][0-9]{0,6}-[A-Za-z]{1,40}-(zh-CN|en)$/;

/** The id of a document's job: `<caseId>:<documentId>`. */
export function documentJobIdOf(caseId: string, documentId: string): string {
  return `${caseId}:${documentId}`;
}
