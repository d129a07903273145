import { creditIdParamsSchema, creditQuerySchema } from '../credit/creditQuery.js';
import { statsQuerySchema } from '../stats/statsQuery.js';
import { joiParameters } from './joiParameters.js';
import type { Paths } from './openApiTypes.js';
import { jsonBody, signedIn } from './operations.js';
import { JSON_BODY_FAILURES, json, problems } from './responses.js';
import { ref } from './schemaBuilders.js';

const INVALID_ENTRY_ID = 'The entry id is not valid.';
const NO_ENTRY = 'No such entry, or it is neither yours nor are you staff.';
const entryId = () => joiParameters(creditIdParamsSchema, 'path', { id: 'The entry id.' });

/** `/api/stats` and `/api/credit` (`statsRoutes.ts`, `creditRoutes.ts`). */
export function reportPaths(): Paths {
  const bound = 'A date `YYYY-MM-DD` (Beijing) or an ISO instant with `Z` or an offset';
  return {
    '/api/stats': {
      get: signedIn({
        operationId: 'getStats',
        summary: 'Dashboard figures (admins: every case; officers: their organisation’s)',
        tags: ['stats'],
        parameters: joiParameters(statsQuerySchema, 'query', {
          from: `${bound}: cases filed at or after it.`,
          to: `${bound}, inclusive: cases filed up to it. Must be after \`from\`.`,
        }),
        responses: {
          '200': json('The figures.', ref('StatsView')),
          ...problems({
            400: 'The query is not valid.',
            403: 'Only admins and officers of an organisation may see statistics.',
          }),
        },
      }),
    },
    '/api/credit': {
      get: signedIn({
        operationId: 'searchCredit',
        summary: 'Search the public credit register by party name',
        tags: ['credit'],
        parameters: joiParameters(creditQuerySchema, 'query', {
          name: 'A party name; company suffixes, case and width are ignored.',
        }),
        responses: {
          '200': json('The matching entries.', ref('CreditList')),
          ...problems({ 400: 'The query is not valid.' }),
        },
      }),
    },
    '/api/credit/{id}': {
      get: signedIn({
        operationId: 'getCreditEntry',
        summary: 'A credit-register entry with its procedure (the listed party and staff)',
        tags: ['credit'],
        parameters: entryId(),
        responses: {
          '200': json('The entry.', ref('CreditEntryDetailView')),
          ...problems({ 400: INVALID_ENTRY_ID, 404: NO_ENTRY }),
        },
      }),
    },
    '/api/credit/{id}/objection': {
      post: signedIn({
        operationId: 'objectToCreditEntry',
        summary: 'The listed party objects to its entry, within the objection period',
        description:
          'Open for 15 working days from the notice on the source case (`creditObjection` clock; 国办发〔2020〕49号). The entry is then `objected` until staff decide.',
        tags: ['credit'],
        parameters: entryId(),
        requestBody: jsonBody('CreditObjection'),
        responses: {
          '200': json('The entry, now under objection.', ref('CreditEntryDetailView')),
          ...problems({
            ...JSON_BODY_FAILURES,
            400: `${INVALID_ENTRY_ID} Or the body is not valid JSON.`,
            403: 'Only the listed party may object.',
            404: NO_ENTRY,
            409: 'The entry is not final or corrected, or the objection period is over.',
            422: 'The body is not valid.',
          }),
        },
      }),
    },
    '/api/credit/{id}/decision': {
      post: signedIn({
        operationId: 'decideCreditObjection',
        summary: 'Staff keep, correct or remove an entry under objection',
        tags: ['credit'],
        parameters: entryId(),
        requestBody: jsonBody('CreditDecision'),
        responses: {
          '200': json('The entry as decided.', ref('CreditEntryDetailView')),
          ...problems({
            ...JSON_BODY_FAILURES,
            400: `${INVALID_ENTRY_ID} Or the body is not valid JSON.`,
            403: 'Only staff decide objections.',
            404: NO_ENTRY,
            409: 'The entry is not under objection.',
            422: 'The body is not valid.',
          }),
        },
      }),
    },
  };
}
