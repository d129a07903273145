import Joi from 'joi';
import { IP_TYPES } from '../../shared/vocabulary.js';
import { REPORT_STATUSES } from '../../shared/api/supervisionReportView.js';
import { REPORT_PLACES } from './supervisionReportModel.js';

// eslint-disable-next-line no-control-regex
const plain = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f<>]*$/u;
const text = (max: number) =>
  Joi.string()
    .trim()
    .min(1)
    .max(max)
    .pattern(plain)
    .messages({ 'string.pattern.base': '{#label} must not contain control characters or angle brackets' });

/** A public report, as posted. */
export interface ReportInput {
  anonymous: boolean;
  reporterName?: string;
  contact?: string;
  subject: string;
  place: (typeof REPORT_PLACES)[number];
  location: string;
  ipType: string;
  description: string;
}

/**
 * `POST /api/public/reports` body: anonymous reports carry no name or contact; named ones need
 * both. Unknown keys are refused.
 */
export const reportSchema = Joi.object<ReportInput>({
  anonymous: Joi.boolean().strict().required(),
  reporterName: text(100).label('Name').when('anonymous', {
    is: true,
    then: Joi.forbidden(),
    otherwise: Joi.required(),
  }),
  contact: text(200).label('Contact').when('anonymous', {
    is: true,
    then: Joi.forbidden(),
    otherwise: Joi.required(),
  }),
  subject: text(200).label('Who infringes').required(),
  place: Joi.string()
    .valid(...REPORT_PLACES)
    .label('Where')
    .required(),
  location: text(500).label('Address or link').required(),
  ipType: Joi.string()
    .valid(...IP_TYPES)
    .label('Kind of right')
    .required(),
  description: text(5000).min(10).label('What you saw').required(),
});

/** `GET /api/supervision/reports` query: a page of the queue, or of one status's. */
export const reportListQuerySchema = Joi.object({
  page: Joi.number().integer().min(1).max(10_000).default(1),
  limit: Joi.number().integer().min(1).max(100).default(20),
  status: Joi.string().valid(...REPORT_STATUSES),
});

/** `:id` of a report. */
export const reportIdParamsSchema = Joi.object({
  id: Joi.string()
    .pattern(/^[0-9a-f-]{36}$/)
    .required(),
});

/** What the office does with a report. */
export type ReportAction = { type: 'acknowledge' } | { type: 'handle'; note: string; caseNo?: string };

/**
 * `POST /api/supervision/reports/:id/actions`: acknowledge a new report, or mark it handled with a
 * note and, optionally, the number of the case it concerns (a complaint filed from it, or a case
 * already on the platform).
 */
export const reportActionSchema = Joi.object<ReportAction>({
  type: Joi.string().valid('acknowledge', 'handle').required(),
  note: text(2000)
    .label('Note')
    .when('type', { is: 'handle', then: Joi.required(), otherwise: Joi.forbidden() }),
  caseNo: text(60)
    .label('Case number')
    .when('type', { is: 'handle', then: Joi.optional(), otherwise: Joi.forbidden() }),
});
