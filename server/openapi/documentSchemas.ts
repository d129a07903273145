import type { JsonSchema } from './openApiTypes.js';
import { closed, count, instant, listOf, nullable, oneOfStrings, ref, text } from './schemaBuilders.js';

const sha256: JsonSchema = { type: 'string', pattern: '^[0-9a-f]{64}$' };
const side = oneOfStrings(['complainant', 'respondent']);
const signature = { side, name: text, at: instant, sha256 };

/** Response schemas of generated documents and the agreement (`documentPresenter.ts`, `agreementState.ts`). */
export const documentSchemas: Record<string, JsonSchema> = {
  DocumentView: {
    ...closed({
      id: { type: 'string', pattern: '^[1-9][0-9]{0,6}-[A-Za-z]{1,40}-(zh-CN|en)$' },
      kind: text,
      lang: oneOfStrings(['zh-CN', 'en']),
      name: text,
      size: count,
      sha256: { ...sha256, description: 'Recorded in the hash-chained DOCUMENT_ISSUED event.' },
      sourceSeq: { ...count, description: 'The event the document was rendered for.' },
      seq: { ...count, description: 'The DOCUMENT_ISSUED event.' },
      issuedAt: instant,
      textSha256: nullable(sha256),
    }),
    description: 'A generated document (PDF) of a case.',
  },
  DocumentList: closed({ items: listOf(ref('DocumentView')) }),
  DocumentIntegrityView: closed({
    id: text,
    ok: { type: 'boolean' },
    sha256,
    found: nullable(sha256),
    problem: nullable(text),
  }),
  AgreementView: closed({
    draftSeq: count,
    proposedAt: instant,
    text,
    sha256,
    signatures: listOf(closed(signature)),
    voided: listOf(closed({ ...signature, draftSeq: count })),
  }),
};
