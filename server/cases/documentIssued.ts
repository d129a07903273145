import type { DocumentKind, DocumentLang } from '../../shared/documents/documentKinds.js';

/** The case event type that records a generated document (a record: it does not move the machine). */
export const DOCUMENT_ISSUED = 'DOCUMENT_ISSUED';

/** The data of a `DOCUMENT_ISSUED` event: the hash-chained record of the PDF that was issued. */
export interface DocumentIssuedData {
  documentId: string;
  /** The GridFS id of the stored PDF (bucket `documents`). */
  fileId: string;
  kind: DocumentKind;
  lang: DocumentLang;
  /** The event the document was rendered for. */
  sourceSeq: number;
  name: string;
  contentType: 'application/pdf';
  size: number;
  sha256: string;
  /** For an agreement: the SHA-256 of the agreement text it sets out (what the parties sign). */
  textSha256?: string;
}
