/** Form values of an action ↔ its request body, validated by the shared action schema. */
import type { ActionField } from '../../../shared/machine/actions/actionFields.js';
import { ACTION_SCHEMAS } from '../../../shared/machine/actions/actionSchemas.js';
import type { CaseEventType } from '../../../shared/machine/caseEvents.js';

/** The value of one field in the form. */
export type FieldValue = string | boolean | string[];

/** Initial form values of an action's fields. */
export function initialValues(fields: readonly ActionField[]): Record<string, FieldValue> {
  return Object.fromEntries(fields.map((f) => [f.name, f.kind === 'boolean' ? false : f.multiple ? [] : '']));
}

/** The body of an action from its form values (empty optional fields left out). */
export function actionBody(
  type: CaseEventType,
  fields: readonly ActionField[],
  values: Record<string, FieldValue>,
): Record<string, unknown> {
  const body: Record<string, unknown> = { type };
  for (const f of fields) {
    const v = values[f.name];
    if (f.kind === 'boolean') {
      if (f.required || v === true) body[f.name] = v === true;
      continue;
    }
    if (Array.isArray(v)) {
      const items = v.map((s) => s.trim()).filter(Boolean);
      if (items.length > 0 || f.required) body[f.name] = items;
      continue;
    }
    const text = typeof v === 'string' ? v.trim() : '';
    if (text === '') {
      if (f.required) body[f.name] = '';
      continue;
    }
    if (f.kind === 'number') {
      const n = Number(text.replace(/[,，\s]/g, ''));
      body[f.name] = Number.isFinite(n) ? n : text;
    } else if (f.kind === 'date') {
      // entered as Beijing time (Asia/Shanghai, UTC+8, no daylight saving), whatever the browser's zone
      const at = new Date(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text) ? `${text}:00+08:00` : text);
      body[f.name] = Number.isNaN(at.getTime()) ? text : at.toISOString();
    } else body[f.name] = text;
  }
  return body;
}

/** Field errors of a body, by field name (Joi's type and limit, for translation). */
export function actionErrors(
  type: CaseEventType,
  body: Record<string, unknown>,
): Map<string, { type: string; limit?: number; min?: number; max?: number }> {
  const { error } = ACTION_SCHEMAS[type].validate(body, { abortEarly: false });
  const errors = new Map<string, { type: string; limit?: number; min?: number; max?: number }>();
  for (const d of error?.details ?? []) {
    const name = String(d.path[0] ?? '');
    if (!errors.has(name))
      errors.set(name, {
        type: d.type,
        limit: typeof d.context?.limit === 'number' ? d.context.limit : undefined,
        ...(typeof d.context?.min === 'number' ? { min: d.context.min as number } : {}),
        ...(typeof d.context?.max === 'number' ? { max: d.context.max as number } : {}),
      });
  }
  return errors;
}
