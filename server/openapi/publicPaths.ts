import { creditRegisterQuerySchema, disclosureQuerySchema } from '../credit/creditQuery.js';
import { reportIdParamsSchema, reportListQuerySchema } from '../public/publicQuery.js';
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
        parameters: joiParameters(reportListQuerySchema, 'query', { status: 'Only reports in this status.' }),
        responses: {
          '200': json('A page of reports.', ref('SupervisionReportPage')),
          ...problems({
            400: 'The query is not valid.',
            403: 'Only admins and officers of a social-supervision organisation see reports.',
          }),
        },
      }),
    },
    '/api/supervision/reports/{id}': {
      get: signedIn({
        operationId: 'getReport',
        summary: 'One public report, with the office’s handling of it',
        tags: ['public'],
        parameters: joiParameters(reportIdParamsSchema, 'path', { id: 'The report’s reference.' }),
        responses: {
          '200': json('The report.', ref('SupervisionReport')),
          ...problems({
            400: 'The id is not valid.',
            403: 'Only admins and officers of a social-supervision organisation see reports.',
            404: 'There is no such report.',
          }),
        },
      }),
    },
    '/api/supervision/reports/{id}/actions': {
      post: signedIn({
        operationId: 'actOnReport',
        summary: 'Acknowledge a public report, or mark it handled with a note and the case it concerns',
        description:
          '`acknowledge` moves a new report to acknowledged; `handle` moves a new or acknowledged one to handled, with the office’s note and optionally the number of a case the user may see (a complaint filed from the report, or a case already on the platform). Audited (`report.acknowledge`, `report.handle`) in the same transaction.',
        tags: ['public'],
        parameters: joiParameters(reportIdParamsSchema, 'path', { id: 'The report’s reference.' }),
        requestBody: jsonBody('ReportAction'),
        responses: {
          '200': json('The report after the action.', ref('SupervisionReport')),
          ...problems({
            ...JSON_BODY_FAILURES,
            400: 'The id is not valid, or the body is not valid JSON.',
            403: 'Only admins and officers of a social-supervision organisation handle reports.',
            404: 'There is no such report.',
            409: 'The report is no longer where the action starts from (`code: reportNotNow`).',
            422: 'The body is not valid, or there is no case with this number the user may see (`code: reportCaseUnknown`).',
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
