import { CREDIT_STATUSES } from '../../shared/api/creditView.js';
import { LEGAL_BASIS_KEYS } from '../../shared/api/creditView.js';
import type { JsonSchema } from './openApiTypes.js';
import {
  boolean,
  closed,
  count,
  instant,
  integer,
  listOf,
  nullable,
  number,
  oneOfStrings,
  ref,
  text,
} from './schemaBuilders.js';
import { REPORT_STATUSES } from '../../shared/api/supervisionReportView.js';

const basisKey = nullable({ type: 'string', enum: [...LEGAL_BASIS_KEYS] });

/** Response schemas of the public pages and the supervision office's queue (`server/public/`). */
export const publicSchemas: Record<string, JsonSchema> = {
  PublicMetrics: {
    ...closed({
      from: instant,
      asOf: instant,
      minSample: integer,
      filed: count,
      closed: count,
      channels: listOf(
        closed({ channel: text, closedOnMerits: count, hidden: boolean, settlementRate: nullable(number) }),
      ),
      tracks: listOf(
        closed({
          channel: text,
          track: text,
          closed: count,
          hidden: boolean,
          medianDays: nullable(number),
          p90Days: nullable(number),
        }),
      ),
    }),
    description:
      'Outcome figures of the cases filed in the last year. A figure resting on fewer than `minSample` cases is withheld (`hidden`, null).',
  },
  DisclosedEntry: {
    ...closed({
      name: text,
      partyType: { type: 'string', enum: ['enterprise', 'individual'] },
      ipType: text,
      rightNumber: text,
      decision: text,
      channel: nullable(text),
      legalBasisKey: basisKey,
      date: instant,
      until: nullable(instant),
      status: { type: 'string', enum: [...CREDIT_STATUSES] },
    }),
    description:
      'A publicly disclosed credit-register entry: an organisation’s name in full, a natural person’s masked (surname + 某, or initial + ***); no ids.',
  },
  DisclosurePage: closed({
    items: listOf(ref('DisclosedEntry')),
    page: integer,
    limit: integer,
    total: count,
  }),
  ReportReceipt: closed({ id: text }),
  SupervisionReport: closed({
    id: text,
    anonymous: boolean,
    reporterName: nullable(text),
    contact: nullable(text),
    subject: text,
    place: text,
    location: text,
    ipType: text,
    description: text,
    status: oneOfStrings(REPORT_STATUSES),
    createdAt: instant,
    updatedAt: nullable(instant),
    handlerName: nullable(text),
    note: nullable(text),
    caseId: nullable(text),
    caseNo: nullable(text),
  }),
  SupervisionReportPage: closed({
    items: listOf(ref('SupervisionReport')),
    page: integer,
    limit: integer,
    total: count,
  }),
};
