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
    '/api/auth/refresh': {
      post: signedIn({
        operationId: 'refreshSession',
        summary: 'Renew the session while it is in use',
        description:
          'A new token of the same session, valid for JWT_TTL_SECONDS from now; the client renews before its token expires, so a session in use never ends mid-work. Ended sessions (sign out everywhere, a new password) cannot be renewed.',
        tags: ['auth'],
        responses: { '200': json('A renewed token.', ref('SessionToken')) },
      }),
    },
    '/api/auth/sign-out-everywhere': {
      post: signedIn({
        operationId: 'signOutEverywhere',
        summary: 'End every session of the account',
        description:
          'Every token of the account stops working (HTTP and Socket.IO) and its open sockets are disconnected after a `session:ended` push.',
        tags: ['auth'],
        responses: { '204': { description: 'Every session ended.' } },
      }),
    },
    '/api/auth/password': {
      post: signedIn({
        operationId: 'changePassword',
        summary: 'Change the password',
        description:
          'Needs the current password; the new one must pass the strength check. Every session of the account ends; the answer carries a new token for this one.',
        tags: ['auth'],
        requestBody: jsonBody('ChangePasswordRequest'),
        responses: {
          '200': json('Changed: a new token for this session.', ref('SessionToken')),
          ...problems({
            ...JSON_BODY_FAILURES,
            400: 'The new password is too weak (`errors` gives advice), or the body is not valid JSON.',
            403: 'The current password is not right.',
            422: 'The body is not valid.',
          }),
        },
      }),
    },
    '/api/auth/password-reset': {
      post: {
        operationId: 'requestPasswordReset',
        summary: 'Ask for a password-reset link by e-mail',
        description:
          'Answers the same, at once, whether or not the e-mail has an account; only an account’s e-mail receives a link (single use, PASSWORD_RESET_TTL_MINUTES). Limited per client address and per e-mail address (PASSWORD_RESET_PER_HOUR).',
        tags: ['auth'],
        requestBody: jsonBody('PasswordResetRequest'),
        responses: {
          '202': json('Done: a link is on its way if the e-mail has an account.', {
            type: 'object',
            required: ['detail'],
            additionalProperties: false,
            properties: { detail: { type: 'string' } },
          }),
          ...problems({
            ...JSON_BODY_FAILURES,
            422: 'The body is not valid.',
            429: 'Too many requests from this address or for this e-mail: wait (`Retry-After`).',
          }),
        },
      },
    },
    '/api/auth/password-reset/confirm': {
      post: {
        operationId: 'confirmPasswordReset',
        summary: 'Choose a new password with a reset link’s token',
        description: 'Works once, before the link expires; every session of the account ends.',
        tags: ['auth'],
        requestBody: jsonBody('PasswordResetConfirm'),
        responses: {
          '204': { description: 'The password is changed: sign in with it.' },
          ...problems({
            ...JSON_BODY_FAILURES,
            400: 'The new password is too weak (`errors` gives advice), or the body is not valid JSON.',
            422: 'The body is not valid, or the link was used already or expired (`code: resetLinkInvalid`).',
          }),
        },
      },
    },
  };
}
