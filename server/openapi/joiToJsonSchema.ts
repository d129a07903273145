import type Joi from 'joi';
import joiToJson from 'joi-to-json';
import type { JsonSchema } from './openApiTypes.js';

/**
 * joi-to-json is CommonJS (`module.exports = parse`) while its typings declare an ES default and a
 * named export, so the default import is the function itself at run time.
 */
const parse = joiToJson as unknown as typeof joiToJson.parse;

/** The parts of Joi's `describe()` output that the refinements read. */
interface JoiDescription {
  type?: string;
  flags?: { empty?: { allow?: unknown[] } };
  rules?: { name: string; args?: { limit?: number; regex?: string } }[];
  keys?: Record<string, JoiDescription>;
  items?: JoiDescription[];
}

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `/source/flags` (a regex as Joi describes it) → `source`. */
function regexSource(described: string): string {
  const match = /^\/(.*)\/([a-z]*)$/s.exec(described);
  return match?.[1] ?? described;
}

/** JSON types of enum values, for `Joi.any().valid(...)` (joi-to-json lists every type). */
function typesOf(values: unknown[]): string | string[] {
  const types = [...new Set(values.map((v) => (v === null ? 'null' : typeof v)))];
  return types.length === 1 ? (types[0] as string) : types;
}

/** String rules joi-to-json leaves out or gets wrong: `length`, `hex`, and regex flags in `pattern`. */
function refineString(schema: JsonSchema, desc: JoiDescription): void {
  for (const rule of desc.rules ?? []) {
    if (rule.name === 'length' && rule.args?.limit !== undefined) {
      schema.minLength = rule.args.limit;
      schema.maxLength = rule.args.limit;
    } else if (rule.name === 'hex' && schema.pattern === undefined) {
      schema.pattern = '^[0-9a-fA-F]*$';
    } else if (rule.name === 'pattern' && rule.args?.regex) {
      schema.pattern = regexSource(rule.args.regex);
    }
  }
}

/** Walks a converted schema alongside the Joi description it came from, fixing what was lost. */
function refine(schema: JsonSchema, desc: JoiDescription): void {
  if (desc.type === 'string') refineString(schema, desc);
  if (desc.type === 'any' && Array.isArray(schema.enum)) schema.type = typesOf(schema.enum);
  // `.empty('')`: the empty value is accepted (and read as absent)
  const empty = desc.flags?.empty?.allow;
  if (empty && Array.isArray(schema.enum)) {
    for (const value of empty) if (!schema.enum.includes(value)) schema.enum.push(value);
  }
  if (desc.keys && isSchema(schema.properties)) {
    const properties = schema.properties;
    for (const [key, child] of Object.entries(desc.keys)) {
      const target = properties[key];
      if (isSchema(target)) refine(target, child);
    }
  }
  const [item] = desc.items ?? [];
  if (item && desc.items?.length === 1 && isSchema(schema.items)) refine(schema.items, item);
}

/**
 * Converts a Joi schema to a JSON Schema for OpenAPI 3.1 (draft 2020-12) with joi-to-json, then
 * restores the string rules it drops. Custom rules (`.custom()`) and conversions (`trim`) cannot be
 * expressed; the operations describe them in words.
 */
export function joiToJsonSchema(schema: Joi.Schema): JsonSchema {
  const converted = parse(schema, 'open-api-3.1') as JsonSchema;
  refine(converted, schema.describe() as JoiDescription);
  return converted;
}
