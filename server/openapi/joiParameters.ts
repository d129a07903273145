import type Joi from 'joi';
import { joiToJsonSchema } from './joiToJsonSchema.js';
import type { JsonSchema, Parameter } from './openApiTypes.js';

/**
 * The path or query parameters of a route from the Joi object schema that validates them: one
 * parameter per key, required as the schema says (path parameters always are), with the key's JSON
 * Schema. `descriptions` adds a sentence to a parameter.
 */
export function joiParameters(
  schema: Joi.ObjectSchema,
  where: 'path' | 'query',
  descriptions: Record<string, string> = {},
): Parameter[] {
  const converted = joiToJsonSchema(schema);
  const properties = (converted.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((converted.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const description = descriptions[name];
    return {
      name,
      in: where,
      ...(where === 'path' || required.has(name) ? { required: true } : {}),
      ...(description ? { description } : {}),
      schema: property,
    };
  });
}
