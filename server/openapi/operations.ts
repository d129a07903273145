import type { Operation, RequestBody } from './openApiTypes.js';
import { responseRef } from './responses.js';
import { ref } from './schemaBuilders.js';

/** An operation that needs `Authorization: Bearer <token>`: adds the security requirement and 401. */
export function signedIn(op: Operation): Operation {
  return {
    ...op,
    security: [{ bearerAuth: [] }],
    responses: { ...op.responses, '401': responseRef('Unauthorized') },
  };
}

/** A required JSON request body of a component schema. */
export function jsonBody(schemaName: string, description?: string): RequestBody {
  return {
    required: true,
    ...(description ? { description } : {}),
    content: { 'application/json': { schema: ref(schemaName) } },
  };
}
