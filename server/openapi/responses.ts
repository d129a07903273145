import type { Header, JsonSchema, Reference, Response } from './openApiTypes.js';
import { ref } from './schemaBuilders.js';

/** A JSON response with this schema. */
export function json(description: string, schema: JsonSchema, headers?: Record<string, Header>): Response {
  return { description, ...(headers ? { headers } : {}), content: { 'application/json': { schema } } };
}

/** A problem+json response whose `status` member is `status`. */
export function problem(status: number, description: string): Response {
  return {
    description,
    content: {
      'application/problem+json': {
        schema: { type: 'object', allOf: [ref('Problem')], properties: { status: { const: status } } },
      },
    },
  };
}

/** Problem responses by status, each with its description. */
export function problems(byStatus: Record<number, string>): Record<string, Response> {
  return Object.fromEntries(
    Object.entries(byStatus).map(([status, description]) => [status, problem(Number(status), description)]),
  );
}

/** A reference to a response in `components.responses`. */
export const responseRef = (name: string): Reference => ({ $ref: `#/components/responses/${name}` });

/** What a JSON request body can fail with before it is validated (`express.json`, 256 KB limit). */
export const JSON_BODY_FAILURES = {
  400: 'The body is not valid JSON.',
  413: 'The body is larger than 256 KB.',
  415: 'The body’s charset or content encoding is not supported.',
} as const;

/** The responses every operation shares, in `components.responses`. */
export const sharedResponses: Record<string, Response> = {
  Unauthorized: problem(
    401,
    'No bearer token, or the token is invalid or expired, or the account is disabled.',
  ),
  ServiceUnavailable: {
    ...problem(
      503,
      'The database cannot be reached (a write is refused before it changes anything). Retry shortly.',
    ),
    headers: {
      'Retry-After': {
        description: 'Seconds to wait (on refused writes).',
        schema: { type: 'string', pattern: '^\\d+$' },
      },
    },
  },
  InternalServerError: problem(
    500,
    'Something unexpected failed on the server (nothing internal is revealed).',
  ),
};
