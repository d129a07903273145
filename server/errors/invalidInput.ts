import type Joi from 'joi';
import { HttpError } from './httpError.js';

/** One invalid field of a request. */
export interface FieldError {
  path: string;
  message: string;
}

/** Every field error of a Joi validation failure, quotes removed. */
export function fieldErrorsOf(error: Joi.ValidationError): FieldError[] {
  return error.details.map((d) => ({ path: d.path.join('.'), message: d.message.replace(/"/g, '') }));
}

/**
 * The one conversion of a Joi failure into an error: 422 `invalidInput` for a body or a payload
 * (400 `badRequest` for params, query and headers), listing every field error.
 */
export function invalidInput(error: Joi.ValidationError, what: string, status: 400 | 422 = 422): HttpError {
  const errors = fieldErrorsOf(error);
  return new HttpError(
    status,
    status === 422 ? 'Unprocessable Content' : 'Bad Request',
    `The ${what} is not valid: ${errors.map((e) => e.message).join('; ')}.`,
    { code: status === 422 ? 'invalidInput' : 'badRequest', errors },
  );
}
