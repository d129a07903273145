import type { RequestHandler } from 'express';
import type Joi from 'joi';
import { invalidInput } from '../errors/invalidInput.js';

/** The Joi schemas of a route's parts. */
export interface RouteSchemas {
  params?: Joi.Schema;
  query?: Joi.Schema;
  body?: Joi.Schema;
}

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
        throw invalidInput(
          error,
          part === 'body' ? 'request body' : `request ${part}`,
          part === 'body' ? 422 : 400,
        );
      }
      res.locals[part] = value;
    }
    next();
  };
}
