/** A generated document of a case (a PDF), as the API lists it (from its `DOCUMENT_ISSUED` event). */
export interface DocumentView {
  /** `<source seq>-<kind>-<lang>`. */
  id: string;
  kind: string;
  lang: 'zh-CN' | 'en';
  name: string;
  size: number;
  /** Hex SHA-256 of the PDF, recorded in the hash-chained event that issued it. */
  sha256: string;
  /** The event the document was rendered for. */
  sourceSeq: number;
  /** The `DOCUMENT_ISSUED` event. */
  seq: number;
  issuedAt: string;
  /** For an agreement: the SHA-256 of the agreement text it sets out. */
  textSha256: string | null;
}

/** Whether a stored document still is what its event recorded. */
export interface DocumentIntegrityView {
  id: string;
  ok: boolean;
  /** The SHA-256 recorded when it was issued. */
  sha256: string;
  /** The SHA-256 of what is stored now (absent when the file is missing). */
  found: string | null;
  problem: string | null;
}

/** A signature on the agreement. */
export interface AgreementSignatureView {
  side: 'complainant' | 'respondent';
  name: string;
  at: string;
  /** The SHA-256 of the text signed. */
  sha256: string;
}

/** The current draft of a case's mediation agreement: the text the parties sign and who signed it. */
export interface AgreementView {
  /** The `PROPOSE_AGREEMENT` event of this draft. */
  draftSeq: number;
  proposedAt: string;
  /** The full text signed (case, parties, draft and terms). */
  text: string;
  /** Its SHA-256 (UTF-8), which a signature must name. */
  sha256: string;
  signatures: AgreementSignatureView[];
  /** Signatures on earlier drafts, void since the draft changed (or a party declined it). */
  voided: (AgreementSignatureView & { draftSeq: number })[];
}
