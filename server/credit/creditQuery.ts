import Joi from 'joi';

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
