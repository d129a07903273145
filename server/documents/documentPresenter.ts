import type { DocumentView } from '../../shared/api/documentView.js';
import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { DocumentIssuedData } from '../cases/documentIssued.js';

/** Presents a `DOCUMENT_ISSUED` event as the document it records. */
export function presentDocument(ev: Pick<CaseEventDoc, 'seq' | 'at' | 'data'>): DocumentView {
  const data = ev.data as unknown as DocumentIssuedData;
  return {
    id: data.documentId,
    kind: data.kind,
    lang: data.lang,
    name: data.name,
    size: data.size,
    sha256: data.sha256,
    sourceSeq: data.sourceSeq,
    seq: ev.seq,
    issuedAt: new Date(ev.at).toISOString(),
    textSha256: data.textSha256 ?? null,
  };
}
