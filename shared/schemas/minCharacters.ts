import type Joi from 'joi';

/**
 * A Joi custom rule: at least `min` characters, counted as Unicode code points, as JSON Schema's
 * `minLength` (and the OpenAPI document) counts them. Joi's own `min` counts UTF-16 code units, so
 * five emoji pass `min(10)`. Keep `.min(min)` beside it: the document reads `minLength` from it.
 */
export function minCharacters(min: number): Joi.CustomValidator<string> {
  return (value, helpers) => ([...value].length < min ? helpers.error('string.min', { limit: min }) : value);
}
