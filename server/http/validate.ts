import type { RequestHandler } from 'express';
import type Joi from 'joi';
import { HttpError, type FieldError } from './httpErrors.js';

/** The Joi schemas of a route's parts. */
export interface RouteSchemas {
  params?: Joi.Schema;
  query?: Joi.Schema;
  body?: Joi.Schema;
}

const toFieldErrors = (error: Joi.ValidationError): FieldError[] =>
  error.details.map((d) => ({ path: d.path.join('.'), message: d.message.replace(/"/g, '') }));

/**
 * Validates params, query and body with Joi and puts the converted values in `res.locals.params`,
 * `res.locals.query` and `res.locals.body` (never back into `req`). A bad body is 422, bad params or
 * query 400, both problem+json listing every field error.
 */
export function validate(schemas: RouteSchemas): RequestHandler {
  return (req, res, next) => {
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      const input: unknown = part === 'body' ? (req.body ?? {}) : req[part];
      const { value, error } = schema.validate(input, { abortEarly: false });
      if (error) {
        const status = part === 'body' ? 422 : 400;
        throw new HttpError(
          status,
          status === 422 ? 'Unprocessable Content' : 'Bad Request',
          `The request ${part === 'body' ? 'body' : part} is not valid: ${error.details.map((d) => d.message.replace(/"/g, '')).join('; ')}.`,
          { errors: toFieldErrors(error) },
        );
      }
      res.locals[part] = value;
    }
    next();
  };
}
