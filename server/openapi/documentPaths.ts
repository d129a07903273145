import { documentParamsSchema } from '../../shared/schemas/documents.js';
import { caseIdParameters } from './casePaths.js';
import { joiParameters } from './joiParameters.js';
import type { Paths } from './openApiTypes.js';
import { signedIn } from './operations.js';
import { json, problems } from './responses.js';
import { ref } from './schemaBuilders.js';

const NO_CASE = 'There is no such case, or the caller may not see it.';
const pdf = { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } };
const attachment = {
  'Content-Disposition': {
    description: '`attachment` with the file name.',
    required: true,
    schema: { type: 'string', pattern: '^attachment;' },
  },
};
const documentParameters = () =>
  joiParameters(documentParamsSchema, 'path', {
    id: 'The case id.',
    documentId: 'The document id: `<seq>-<kind>-<lang>`.',
  });

/** `/api/cases/{id}/documents`, `/agreement` and `/file.pdf` (`documentRoutes.ts`, `caseFileRoutes.ts`). */
export function documentPaths(): Paths {
  return {
    '/api/cases/{id}/documents': {
      get: signedIn({
        operationId: 'listDocuments',
        summary: 'The generated documents of a case',
        description:
          'Notices, agreements, rulings, decisions, awards, judgment summaries and closure notices, each a PDF in zh-CN and in English, rendered after the event that calls for it and recorded by a `DOCUMENT_ISSUED` event with its SHA-256.',
        tags: ['evidence'],
        parameters: caseIdParameters(),
        responses: {
          '200': json('The documents, in the order they were issued.', ref('DocumentList')),
          ...problems({ 400: 'The case id is not valid.', 404: NO_CASE }),
        },
      }),
    },
    '/api/cases/{id}/documents/{documentId}/download': {
      get: signedIn({
        operationId: 'downloadDocument',
        summary: 'Download a generated document (PDF)',
        description:
          'Checked against the SHA-256 recorded when it was issued first (409 if it changed), and hashed again while it is sent.',
        tags: ['evidence'],
        parameters: documentParameters(),
        responses: {
          '200': { description: 'The PDF.', headers: attachment, content: pdf },
          ...problems({
            400: 'The case id or document id is not valid.',
            404: 'There is no such case or document, or the caller may not see it.',
            409: 'Integrity check failed: the stored document no longer matches its SHA-256.',
          }),
        },
      }),
    },
    '/api/cases/{id}/documents/{documentId}/integrity': {
      get: signedIn({
        operationId: 'documentIntegrity',
        summary: 'Whether a stored document still matches its recorded SHA-256',
        tags: ['evidence'],
        parameters: documentParameters(),
        responses: {
          '200': json('What the check found.', ref('DocumentIntegrityView')),
          ...problems({
            400: 'The case id or document id is not valid.',
            404: 'There is no such case or document, or the caller may not see it.',
          }),
        },
      }),
    },
    '/api/cases/{id}/agreement': {
      get: signedIn({
        operationId: 'currentAgreement',
        summary: 'The current draft of the mediation agreement',
        description:
          'Its full text (the case, the parties, the draft and the terms), the SHA-256 of that text, which `SIGN_AGREEMENT` must name as `agreementSha256` (another hash is refused with 409 `agreementChanged`), the signatures on it and those voided by a later draft.',
        tags: ['cases'],
        parameters: caseIdParameters(),
        responses: {
          '200': json('The draft and its signatures.', ref('AgreementView')),
          ...problems({
            400: 'The case id is not valid.',
            404: `${NO_CASE} Or no agreement was proposed yet.`,
          }),
        },
      }),
    },
    '/api/cases/{id}/file.pdf': {
      get: signedIn({
        operationId: 'exportCaseFilePdf',
        summary: 'Download the case file (卷宗) as one PDF',
        description:
          'The cover (case number, parties, channel, status), the timeline of the events the caller may read, the generated documents and the evidence index with their SHA-256, and the log’s last hash. `lang` chooses zh-CN (default) or English.',
        tags: ['evidence'],
        parameters: [
          ...caseIdParameters(),
          {
            name: 'lang',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['zh-CN', 'en'], default: 'zh-CN' },
          },
        ],
        responses: {
          '200': { description: 'The PDF.', headers: attachment, content: pdf },
          ...problems({ 400: 'The case id or the language is not valid.', 404: NO_CASE }),
        },
      }),
    },
  };
}
