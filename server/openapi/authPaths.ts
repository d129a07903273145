import type { Paths } from './openApiTypes.js';
import { jsonBody, signedIn } from './operations.js';
import { JSON_BODY_FAILURES, json, problems } from './responses.js';
import { ref } from './schemaBuilders.js';

/** `/api/auth/*` and `/api/users` (`authRoutes.ts`, `userRoutes.ts`). */
export function authPaths(): Paths {
  return {
    '/api/auth/login': {
      post: {
        operationId: 'login',
        summary: 'Sign in',
        description:
          'Exchanges an e-mail and password for an access token. After a few failures of one account from one client address each further attempt waits (429 with `Retry-After`, doubling up to a maximum; a success resets it); failures per client address are budgeted per day. Malformed bodies are not counted.',
        tags: ['auth'],
        requestBody: jsonBody('LoginRequest'),
        responses: {
          '200': json('Signed in.', ref('LoginResponse')),
          ...problems({
            ...JSON_BODY_FAILURES,
            401: 'The e-mail or password is not right.',
            422: 'The body is not valid.',
            429: 'Too many sign-in attempts: wait and try again.',
          }),
        },
      },
    },
    '/api/auth/register': {
      post: {
        operationId: 'register',
        summary: 'Create a rights holder’s account',
        description: 'Creates a `complainant` account and signs it in. Other roles are created by an admin.',
        tags: ['auth'],
        requestBody: jsonBody('RegisterRequest'),
        responses: {
          '201': json('The account was created and signed in.', ref('LoginResponse')),
          ...problems({
            ...JSON_BODY_FAILURES,
            409: 'An account with this e-mail already exists.',
            422: 'The body is not valid.',
          }),
        },
      },
    },
    '/api/auth/me': {
      get: signedIn({
        operationId: 'me',
        summary: 'The signed-in user',
        tags: ['auth'],
        responses: { '200': json('The signed-in user.', ref('MeResponse')) },
      }),
    },
  };
}
