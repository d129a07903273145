import { auditQuerySchema, caseAuditQuerySchema } from '../../shared/schemas/audit.js';
import { caseIdParamsSchema } from '../../shared/schemas/caseQueries.js';
import { joiParameters } from './joiParameters.js';
import type { Paths } from './openApiTypes.js';
import { signedIn } from './operations.js';
import { json, problems } from './responses.js';
import { ref } from './schemaBuilders.js';

const page = {
  before: 'The `next` of the previous page: entries older than it.',
  limit: 'Entries per page (50 unless given).',
};

/** `/api/audit` and `/api/cases/{id}/access-log` (`auditRoutes.ts`). */
export function auditPaths(): Paths {
  return {
    '/api/audit': {
      get: signedIn({
        operationId: 'listAuditEntries',
        summary: 'The audit log: who read or changed what (admins; an organisation’s staff its own)',
        description:
          'Admins see every entry; an officer the reads of their organisation’s cases; an organisation’s lead also the changes to their organisation and its staff. Newest first, a page at a time.',
        tags: ['audit'],
        parameters: joiParameters(auditQuerySchema, 'query', {
          ...page,
          caseId: 'Entries about this case.',
          actorId: 'Entries by this account.',
          kind: 'Entries of this kind.',
          from: 'An ISO instant: entries at or after it.',
          to: 'An ISO instant: entries before it (after `from`).',
        }),
        responses: {
          '200': json('A page of entries.', ref('AuditPage')),
          ...problems({
            400: 'The query is not valid.',
            403: 'Only admins and the staff of an organisation may read the audit log.',
          }),
        },
      }),
    },
    '/api/cases/{id}/access-log': {
      get: signedIn({
        operationId: 'getCaseAccessLog',
        summary: 'Who opened a case and downloaded its files (admins; the organisation handling it)',
        tags: ['audit'],
        parameters: [
          ...joiParameters(caseIdParamsSchema, 'path', { id: 'The case id.' }),
          ...joiParameters(caseAuditQuerySchema, 'query', page),
        ],
        responses: {
          '200': json('A page of entries.', ref('AuditPage')),
          ...problems({
            400: 'The case id or the query is not valid.',
            403: 'The caller may see the case but is neither an admin nor an officer of the organisation handling it.',
            404: 'No such case, or the caller may not see it.',
          }),
        },
      }),
    },
  };
}
