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
            429: 'Too many failed sign-ins: wait (`Retry-After`) and try again.',
          }),
        },
      },
    },
    '/api/auth/register': {
      post: {
        operationId: 'register',
        summary: 'Create a rights holder’s account',
        description:
          'Creates a `complainant` account unless the e-mail already has one, and answers the same either way (it does not tell which e-mails have accounts); the new account then signs in with `login`. Other roles are created by an admin. Limited per client address per hour.',
        tags: ['auth'],
        requestBody: jsonBody('RegisterRequest'),
        responses: {
          '202': json('Done: sign in with this e-mail and password.', {
            type: 'object',
            required: ['detail'],
            additionalProperties: false,
            properties: { detail: { type: 'string' } },
          }),
          ...problems({
            ...JSON_BODY_FAILURES,
            400: 'The password is too weak (`errors` names the field and gives advice), or the body is not valid JSON.',
            422: 'The body is not valid.',
            429: 'Too many registrations from this address: wait and try again.',
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
