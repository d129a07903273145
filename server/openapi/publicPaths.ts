import { creditRegisterQuerySchema, disclosureQuerySchema } from '../credit/creditQuery.js';
import { reportListQuerySchema } from '../public/publicQuery.js';
import { caseExportQuerySchema } from '../search/exportRoutes.js';
import { joiParameters } from './joiParameters.js';
import type { Paths } from './openApiTypes.js';
import { jsonBody, signedIn } from './operations.js';
import { JSON_BODY_FAILURES, json, problems } from './responses.js';
import { ref } from './schemaBuilders.js';

/**
 * The public pages (`/api/public`, no sign-in), the staff credit register, the supervision office's
 * queue and the case export (`publicRoutes.ts`, `creditRoutes.ts`, `exportRoutes.ts`).
 */
export function publicPaths(): Paths {
  return {
    '/api/public/metrics': {
      get: {
        operationId: 'getPublicMetrics',
        summary: 'Published outcome figures per channel and track (no sign-in)',
        tags: ['public'],
        responses: { '200': json('The figures.', ref('PublicMetrics')) },
      },
    },
    '/api/public/credit': {
      get: {
        operationId: 'getCreditDisclosure',
        summary: 'The public disclosure of the credit register, a page (no sign-in)',
        tags: ['public'],
        parameters: joiParameters(disclosureQuerySchema, 'query', {}),
        responses: {
          '200': json('A page of disclosed entries, newest first.', ref('DisclosurePage')),
          ...problems({ 400: 'The query is not valid.' }),
        },
      },
    },
    '/api/public/reports': {
      post: {
        operationId: 'submitReport',
        summary: 'Report an infringement to the social-supervision office (no sign-in)',
        description:
          'Anonymous (no name or contact) or named (name and contact required). Limited per client address per hour (`REPORT_LIMIT_PER_IP_PER_HOUR`).',
        tags: ['public'],
        requestBody: jsonBody('ReportInput'),
        responses: {
          '201': json('Received: the reference of the report.', ref('ReportReceipt')),
          ...problems({
            ...JSON_BODY_FAILURES,
            422: 'The report is not valid.',
            429: 'Too many reports from this address: wait and try again.',
          }),
        },
      },
    },
    '/api/supervision/reports': {
      get: signedIn({
        operationId: 'listReports',
        summary: 'The supervision office’s queue of public reports, newest first',
        tags: ['public'],
        parameters: joiParameters(reportListQuerySchema, 'query', {}),
        responses: {
          '200': json('A page of reports.', ref('SupervisionReportPage')),
          ...problems({
            400: 'The query is not valid.',
            403: 'Only admins and officers of a social-supervision organisation see reports.',
          }),
        },
      }),
    },
    '/api/credit/register': {
      get: signedIn({
        operationId: 'listCreditRegister',
        summary: 'The credit register for staff: every entry or one status, newest first',
        tags: ['credit'],
        parameters: joiParameters(creditRegisterQuerySchema, 'query', {
          status: 'Only entries in this status.',
        }),
        responses: {
          '200': json('A page of entries.', ref('CreditRegisterPage')),
          ...problems({ 400: 'The query is not valid.', 403: 'Only staff see the register.' }),
        },
      }),
    },
    '/api/exports/cases': {
      get: signedIn({
        operationId: 'exportCases',
        summary: 'Export a filtered case list as CSV (staff), streamed',
        description:
          'The case list’s filters and search, without paging: every matching case the caller may see, as UTF-8 CSV with a byte-order mark (Excel reads Chinese correctly). Cells that start like a formula get a leading apostrophe.',
        tags: ['cases'],
        parameters: joiParameters(caseExportQuerySchema, 'query', {
          lang: 'Language of the header row.',
          q: 'Full-text search, as in `listCases`.',
        }),
        responses: {
          '200': {
            description: 'The CSV file.',
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
          ...problems({ 400: 'The query is not valid.', 403: 'Only staff export case lists.' }),
        },
      }),
    },
  };
}
