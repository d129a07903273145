/**
 * Joi schemas of the actions a client sends (`POST /api/cases/:id/actions {type, expectedSeq?,
 * ...payload}`), one per event type, built from the field table in `actionFields.ts`. The server
 * adds `actor` and `at`; a body carrying them (or any unknown key) is refused.
 */
import Joi from 'joi';
import {
  actionPayloadFields,
  ID_PATTERN,
  LIST_MAX,
  STRING_MAX,
  TEXT_MAX,
  type ActionField,
} from './actionFields.js';
import { CASE_EVENT_TYPES, type CaseAction, type CaseEventType } from '../caseEvents.js';
import { PUNITIVE_MULTIPLE } from '../rules/caseRules.js';

/** The field descriptions, re-exported so forms and validation come from one module. */
export { actionPayloadFields, type ActionField, type FieldKind } from './actionFields.js';

/** A validated action body. */
export type ActionBody = CaseAction & { expectedSeq?: number };

function valueSchema(field: ActionField): Joi.Schema {
  switch (field.kind) {
    case 'string':
      return Joi.string().trim().max(STRING_MAX);
    case 'text':
      return Joi.string().trim().max(TEXT_MAX);
    case 'id':
      return Joi.string().trim().pattern(ID_PATTERN);
    case 'enum':
      return Joi.string()
        .trim()
        .valid(...(field.options ?? []));
    case 'date':
      return field.past
        ? Joi.string()
            .trim()
            .isoDate()
            .custom((value: string, helpers) =>
              Date.parse(value) > Date.now()
                ? helpers.message({ custom: `${field.name} lies in the future` })
                : value,
            )
        : Joi.string().trim().isoDate();
    // strict: "true" or "5" is not a boolean or a number (the document says so, and the client sends JSON)
    case 'boolean':
      return Joi.boolean().strict();
    case 'number': {
      let schema = Joi.number().strict();
      if (field.integer) schema = schema.integer();
      if (field.min !== undefined) schema = schema.min(field.min);
      if (field.max !== undefined) schema = schema.max(field.max);
      return schema;
    }
  }
}

function fieldSchema(field: ActionField): Joi.Schema {
  const value = valueSchema(field);
  const single =
    field.required || field.kind === 'boolean' || field.kind === 'number' ? value : value.empty('');
  const schema = field.multiple ? Joi.array().items(value).min(1).max(LIST_MAX) : single;
  return field.required ? schema.required() : schema;
}

function buildSchema(type: CaseEventType): Joi.ObjectSchema {
  const keys: Record<string, Joi.Schema> = {
    type: Joi.string().valid(type).required(),
    expectedSeq: Joi.number().strict().integer().min(0),
  };
  for (const field of actionPayloadFields(type)) keys[field.name] = fieldSchema(field);
  const schema = Joi.object(keys).unknown(false);
  return type === 'RENDER_JUDGMENT'
    ? schema.custom(punitiveConditions).messages({
        'any.punitiveCondition': '{{#label}} must be found for punitive damages',
        'number.punitiveMultiple': '{{#label}} must be 1 to 5 times the base: between {{#min}} and {{#max}}',
      })
    : schema;
}

/**
 * A judgment awarding punitive damages names their base and finds wilfulness and serious
 * circumstances, and the amount is 1–5 times the base. Checked on the whole body (the conditions
 * join fields) but reported on the field concerned, so the form shows where.
 */
const punitiveConditions: Joi.CustomValidator<Record<string, unknown>> = (body, helpers) => {
  const amount = body.punitiveDamagesCny;
  if (typeof amount !== 'number' || amount <= 0) return body;
  const state = helpers.state as unknown as { path: (string | number)[]; localize(path: unknown[]): never };
  const at = (field: string) => state.localize([...state.path, field]);
  for (const field of ['wilful', 'seriousCircumstances'] as const) {
    if (body[field] !== true) return helpers.error('any.punitiveCondition', { label: field }, at(field));
  }
  const base = body.punitiveBaseCny;
  if (typeof base !== 'number' || base <= 0)
    return helpers.error('any.required', { label: 'punitiveBaseCny' }, at('punitiveBaseCny'));
  const min = base * PUNITIVE_MULTIPLE.min;
  const max = base * PUNITIVE_MULTIPLE.max;
  if (amount < min || amount > max)
    return helpers.error('number.punitiveMultiple', { min, max }, at('punitiveDamagesCny'));
  return body;
};

/** The Joi schema of each action type's body. */
export const ACTION_SCHEMAS: Readonly<Record<CaseEventType, Joi.ObjectSchema>> = Object.fromEntries(
  CASE_EVENT_TYPES.map((type) => [type, buildSchema(type)]),
) as Record<CaseEventType, Joi.ObjectSchema>;

/** Whether a string names an action type. */
export function isCaseEventType(type: unknown): type is CaseEventType {
  return typeof type === 'string' && (CASE_EVENT_TYPES as readonly string[]).includes(type);
}

/** Validates an action body against the schema of its `type` (all errors reported, strings trimmed). */
export function validateAction(
  body: unknown,
): { value: ActionBody; error?: undefined } | { error: Joi.ValidationError } {
  const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
  const schema = isCaseEventType(type)
    ? ACTION_SCHEMAS[type]
    : Joi.object({
        type: Joi.string()
          .valid(...CASE_EVENT_TYPES)
          .required(),
      }).unknown(true);
  const { value, error } = schema.validate(body, { abortEarly: false });
  if (error) return { error };
  return { value: value as ActionBody };
}
