import { ACTION_SCHEMAS } from '../../shared/machine/actions/actionSchemas.js';
import { CASE_EVENT_TYPES, type CaseEventType } from '../../shared/machine/caseEvents.js';
import { joiToJsonSchema } from './joiToJsonSchema.js';
import type { JsonSchema } from './openApiTypes.js';
import { oneOfStrings } from './schemaBuilders.js';

/** The component name of an action's body: `SIGN_AGREEMENT` → `SignAgreementAction`. */
export function actionSchemaName(type: CaseEventType): string {
  const pascal = type
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  return `${pascal}Action`;
}

/**
 * The bodies of `POST /api/cases/{id}/actions`: one schema per action type, converted from
 * `ACTION_SCHEMAS`, and `Action`, their `oneOf` discriminated by `type`.
 */
export function actionSchemas(): Record<string, JsonSchema> {
  const mapping = Object.fromEntries(
    CASE_EVENT_TYPES.map((type) => [type, `#/components/schemas/${actionSchemaName(type)}`]),
  );
  return {
    ActionType: oneOfStrings(CASE_EVENT_TYPES, 'A case action (event) type.'),
    Action: {
      description:
        'An action on a case: `type`, the payload that type needs and, optionally, `expectedSeq` (the seq the caller last saw; 409 if the case has moved on). Strings are trimmed; an optional field sent as "" counts as absent.',
      oneOf: Object.values(mapping).map(($ref) => ({ $ref })),
      discriminator: { propertyName: 'type', mapping },
    },
    ...Object.fromEntries(
      CASE_EVENT_TYPES.map((type) => [actionSchemaName(type), joiToJsonSchema(ACTION_SCHEMAS[type])]),
    ),
  };
}
