import { creditQuerySchema } from '../credit/creditQuery.js';
import { statsQuerySchema } from '../stats/statsQuery.js';
import { joiParameters } from './joiParameters.js';
import type { Paths } from './openApiTypes.js';
import { signedIn } from './operations.js';
import { json, problems } from './responses.js';
import { ref } from './schemaBuilders.js';

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
  };
}
