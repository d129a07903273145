import { PROBLEM_CODES } from '../../shared/api/problemCodes.js';
import { CASE_EVENT_TYPES } from '../../shared/machine/caseEvents.js';
import type { JsonSchema } from './openApiTypes.js';
import { closed, count, listOf, oneOfStrings, ref, text } from './schemaBuilders.js';

/**
 * `application/problem+json` (RFC 9457) as `server/http/problemMiddleware.ts` writes it: the four
 * standard members, plus the extension members some errors carry. Closed, so a new extension member
 * has to be documented here first.
 */
export const problemSchemas: Record<string, JsonSchema> = {
  FieldError: closed(
    {
      path: { ...text, description: 'Dotted path of the field (`rights.0.number`), empty for the body.' },
      message: text,
    },
    {},
  ),
  Problem: {
    ...closed(
      {
        type: {
          type: 'string',
          format: 'uri',
          description: '`about:blank`, or `https://sevenfold.dev/problems/<title>`.',
        },
        title: text,
        status: { type: 'integer', minimum: 400, maximum: 599 },
        detail: { ...text, description: 'What went wrong, in an English sentence for people.' },
        code: {
          ...oneOfStrings(PROBLEM_CODES),
          description:
            'Stable id of the failure (`shared/api/problemCodes.ts`); clients show their own text for it in the user’s language.',
        },
      },
      {
        errors: { ...listOf(ref('FieldError')), description: 'Every invalid field (400 and 422).' },
        action: {
          ...oneOfStrings(CASE_EVENT_TYPES),
          description: 'The refused action (409 `notAllowedNow`, 403 `roleMayNotAct`, 422 on its details).',
        },
        allowed: {
          ...listOf(oneOfStrings(CASE_EVENT_TYPES)),
          description: 'The actions the caller may take now (an action refused with 409 or 403).',
        },
        seq: { ...count, description: 'The case’s current seq (409 on an action or a stale `expectedSeq`).' },
        evidenceId: { ...text, description: 'The evidence whose integrity check failed (409 on download).' },
        maxBytes: { ...count, description: 'The largest evidence file accepted (413 on upload).' },
        accepted: { ...text, description: 'The accepted evidence types (415 on upload).' },
        reasons: {
          ...listOf(text),
          description:
            'Why a new password is refused (400 `weakPassword`): stable keys the client translates.',
        },
        minLength: { ...count, description: 'The shortest password accepted (400 `weakPassword`).' },
      },
    ),
    description: 'An error (RFC 9457 problem details).',
  },
};
