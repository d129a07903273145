/** Small builders for the hand-written JSON Schemas of the API's responses. */
import type { JsonSchema } from './openApiTypes.js';

/** A reference to a schema in `components.schemas`. */
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/**
 * A closed object: every key of `required` must be present, the keys of `optional` may be, and no
 * other key is allowed (the presenters build these objects field by field).
 */
export function closed(
  required: Record<string, JsonSchema>,
  optional: Record<string, JsonSchema> = {},
): JsonSchema {
  return {
    type: 'object',
    properties: { ...required, ...optional },
    required: Object.keys(required),
    additionalProperties: false,
  };
}

/** The schema, or `null`: `type: [t, 'null']` for a simple type, `anyOf` otherwise. */
export function nullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === 'string' && schema.enum === undefined) {
    return { ...schema, type: [schema.type, 'null'] };
  }
  return { anyOf: [schema, { type: 'null' }] };
}

/** A list of `items`. */
export const listOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });

/** One of these strings. */
export const oneOfStrings = (values: readonly string[], description?: string): JsonSchema => ({
  type: 'string',
  enum: [...values],
  ...(description ? { description } : {}),
});

/** Text. */
export const text: JsonSchema = { type: 'string' };
/** A whole number. */
export const integer: JsonSchema = { type: 'integer' };
/** A whole number, 0 or more. */
export const count: JsonSchema = { type: 'integer', minimum: 0 };
/** A number. */
export const number: JsonSchema = { type: 'number' };
/** True or false. */
export const boolean: JsonSchema = { type: 'boolean' };
/** An ISO 8601 instant in UTC, as `Date.prototype.toISOString` writes it. */
export const instant: JsonSchema = { type: 'string', format: 'date-time' };
/** An id of a record (user, case, organisation…). */
export const id: JsonSchema = { type: 'string', minLength: 1 };
