import Joi from 'joi';
import { CREDIT_STATUSES, type CreditStatus } from './creditStatuses.js';

/** `GET /api/credit` query. */
export interface CreditQuery {
  name: string;
}

/**
 * `GET /api/credit` query: `name`, 1–200 characters after trimming, a plain string. Characters that
 * only serve query operators or markup (`$ { } < >`) and control characters are refused, so values
 * such as `{"$ne":null}` are a 400, never a filter.
 */
export const creditQuerySchema = Joi.object({
  name: Joi.string()
    .trim()
    .min(1)
    .max(200)
    // eslint-disable-next-line no-control-regex
    .pattern(/^[^${}<>\u0000-\u001f\u007f]+$/u)
    .required()
    .messages({
      'string.pattern.base':
        'name must not contain dollar signs, braces, angle brackets or control characters',
    }),
});

/** `GET /api/credit/register` query (staff): one status or all, a page. */
export interface CreditRegisterQuery {
  status?: CreditStatus;
  page: number;
  limit: number;
}

/** `GET /api/credit/register` query. */
export const creditRegisterQuerySchema = Joi.object({
  status: Joi.string().valid(...CREDIT_STATUSES),
  page: Joi.number().integer().min(1).max(10_000).default(1),
  limit: Joi.number().integer().min(1).max(100).default(20),
});

/** `GET /api/public/credit` query: a page of the disclosure. */
export const disclosureQuerySchema = Joi.object({
  page: Joi.number().integer().min(1).max(1000).default(1),
  limit: Joi.number().integer().min(1).max(50).default(20),
});

const reason = Joi.string().trim().min(1).max(2000).required();

/** `:id` of a credit-register entry. */
export const creditIdParamsSchema = Joi.object({
  id: Joi.string()
    .pattern(/^[A-Za-z0-9_:-]{1,100}$/)
    .required(),
});

/** `POST /api/credit/:id/objection` body: the listed party's reason. */
export const creditObjectionSchema = Joi.object({ reason });

/** Staff's decision on an objection. */
export interface CreditDecisionInput {
  decision: 'keep' | 'correct' | 'remove';
  reason: string;
  correction?: { name?: string; rightNumber?: string };
}

/**
 * `POST /api/credit/:id/decision` body: keep the entry, correct it (with the corrected fields) or
 * remove it, always with a reason.
 */
export const creditDecisionSchema = Joi.object({
  decision: Joi.string().valid('keep', 'correct', 'remove').required(),
  reason,
  /** Required with `correct`, refused otherwise (checked by the service). */
  correction: Joi.object({
    name: Joi.string().trim().min(1).max(200),
    rightNumber: Joi.string().trim().min(1).max(200),
  }).min(1),
});
