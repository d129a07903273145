import { evidenceDescriptionSchema, evidenceParamsSchema } from '../../shared/schemas/evidence.js';
import { EVIDENCE_TYPES } from '../evidence/evidenceTypes.js';
import { caseIdParameters } from './casePaths.js';
import { joiParameters } from './joiParameters.js';
import { joiToJsonSchema } from './joiToJsonSchema.js';
import type { MediaType, Paths } from './openApiTypes.js';
import { signedIn } from './operations.js';
import { json, problems } from './responses.js';
import { ref } from './schemaBuilders.js';

const NO_CASE = 'There is no such case, or the caller may not see it.';

/** Every type an evidence file can be stored (and served) as: the first MIME type of each allowed kind. */
const storedTypes = (): string[] => [
  ...new Set(EVIDENCE_TYPES.flatMap((type) => type.mimeTypes.slice(0, 1))),
];

/** Every MIME type an upload may declare. */
const declarableTypes = (): string[] => [...new Set(EVIDENCE_TYPES.flatMap((type) => type.mimeTypes))];

/** The download body: the file's bytes, sent as the type it was stored as. */
function downloadContent(): Record<string, MediaType> {
  return Object.fromEntries(
    storedTypes().map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
  );
}

/** `/api/cases/{id}/evidence` (`evidenceRoutes.ts`). */
export function evidencePaths(): Paths {
  const accepted = EVIDENCE_TYPES.map((type) => type.label).join(', ');
  return {
    '/api/cases/{id}/evidence': {
      post: signedIn({
        operationId: 'uploadEvidence',
        summary: 'Upload a piece of evidence',
        description: `One file in the field \`file\` (${accepted}; its content must match its name and declared type) and an optional \`description\`. The SHA-256 is computed while it streams in and recorded as a case event.`,
        tags: ['evidence'],
        parameters: caseIdParameters(),
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  file: { type: 'string', contentMediaType: 'application/octet-stream' },
                  description: joiToJsonSchema(evidenceDescriptionSchema),
                },
                required: ['file'],
              },
              encoding: { file: { contentType: declarableTypes().join(', ') } },
            },
          },
        },
        responses: {
          '201': json('The evidence was stored.', ref('EvidenceView'), {
            Location: {
              description: 'Where to download the file.',
              required: true,
              schema: { type: 'string' },
            },
          }),
          ...problems({
            400: 'The case id is not valid, or the multipart body cannot be read.',
            404: NO_CASE,
            409: 'The case is closed.',
            429: 'Too many uploads from this user (EVIDENCE_LIMIT_PER_HOUR); Retry-After says when to try again.',
            413: 'The file is larger than the configured limit (25 MB by default; `maxBytes`).',
            415: 'The body is not multipart/form-data, or the file is not of an accepted type (`accepted`).',
            422: 'No file in the field `file`, more than one file, or the description is too long.',
          }),
        },
      }),
      get: signedIn({
        operationId: 'listEvidence',
        summary: 'The evidence of a case',
        tags: ['evidence'],
        parameters: caseIdParameters(),
        responses: {
          '200': json('The evidence, oldest first.', ref('EvidenceList')),
          ...problems({ 400: 'The case id is not valid.', 404: NO_CASE }),
        },
      }),
    },
    '/api/cases/{id}/evidence/{evidenceId}/download': {
      get: signedIn({
        operationId: 'downloadEvidence',
        summary: 'Download a piece of evidence',
        description:
          'The stored file is checked against its recorded SHA-256 first (409 if it changed) and hashed again while it is sent; a mismatch found while sending cuts the response off. One byte range (`Range: bytes=…`, as a video player seeks) is answered 206 with that part, after the whole file was checked.',
        tags: ['evidence'],
        parameters: joiParameters(evidenceParamsSchema, 'path', {
          id: 'The case id.',
          evidenceId: 'The evidence id.',
        }),
        responses: {
          '200': {
            description: 'The file, as the type it was stored as.',
            headers: {
              'Content-Disposition': {
                description: '`attachment` with the original file name.',
                required: true,
                schema: { type: 'string', pattern: '^attachment;' },
              },
            },
            content: downloadContent(),
          },
          '206': {
            description: 'The requested byte range of the file.',
            headers: {
              'Content-Range': {
                description: '`bytes <first>-<last>/<size>`.',
                required: true,
                schema: { type: 'string', pattern: '^bytes \\d+-\\d+/\\d+$' },
              },
            },
            content: downloadContent(),
          },
          ...problems({
            400: 'The case id or evidence id is not valid.',
            404: 'There is no such case or evidence, or the caller may not see it.',
            409: 'Integrity check failed: the stored file no longer matches its SHA-256.',
            416: 'The requested range lies outside the file (`Content-Range: bytes */<size>`).',
          }),
        },
      }),
    },
    '/api/cases/{id}/file.zip': {
      get: signedIn({
        operationId: 'exportCaseFile',
        summary: 'Download the case file (卷宗) as one archive',
        description:
          'A ZIP, streamed: `manifest.json` (the case, who exported it, each evidence file with its SHA-256), `events.json` (the event log; events the caller may not read, such as the other party’s caucus, by their hashes only, so the chain still verifies), the evidence files the caller may see under `evidence/`, and a README. `npm run verify-case-file -- FILE.zip` checks it offline. An evidence file that fails its integrity check while being sent cuts the archive off.',
        tags: ['evidence'],
        parameters: caseIdParameters(),
        responses: {
          '200': {
            description: 'The archive.',
            headers: {
              'Content-Disposition': {
                description: '`attachment`, named after the case number.',
                required: true,
                schema: { type: 'string', pattern: '^attachment;' },
              },
            },
            content: {
              'application/zip': { schema: { type: 'string', contentMediaType: 'application/zip' } },
            },
          },
          ...problems({ 400: 'The case id is not valid.', 404: NO_CASE }),
        },
      }),
    },
  };
}
