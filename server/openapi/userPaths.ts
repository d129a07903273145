import {
  listOrgsQuerySchema,
  listUsersQuerySchema,
  userIdParamsSchema,
} from '../../shared/schemas/accounts.js';
import { joiParameters } from './joiParameters.js';
import type { Paths } from './openApiTypes.js';
import { jsonBody, signedIn } from './operations.js';
import { JSON_BODY_FAILURES, json, problems } from './responses.js';
import { ref } from './schemaBuilders.js';

/** `/api/users` and `/api/users/{id}` (`userRoutes.ts`). */
export function userPaths(): Paths {
  return {
    '/api/users': {
      post: signedIn({
        operationId: 'createUser',
        summary: 'Create an account of any role (admin)',
        tags: ['users'],
        requestBody: jsonBody('CreateUserRequest'),
        responses: {
          '201': json('The account was created.', ref('UserView')),
          ...problems({
            ...JSON_BODY_FAILURES,
            400: 'The password is too weak (`errors` names the field and gives advice), or the body is not valid JSON.',
            403: 'Only an admin may create accounts.',
            409: 'An account with this e-mail already exists.',
            422: 'The body is not valid, or the role and organisation do not fit together.',
          }),
        },
      }),
      get: signedIn({
        operationId: 'listUsers',
        summary: 'List accounts (staff directory)',
        description:
          'Admins may list any accounts; officers only mediators, arbitrators and investigators (`role` is then required).',
        tags: ['users'],
        parameters: joiParameters(listUsersQuerySchema, 'query'),
        responses: {
          '200': json('The matching accounts.', ref('UserList')),
          ...problems({
            400: 'The query is not valid.',
            403: 'The caller may not list these accounts.',
          }),
        },
      }),
    },
    '/api/users/{id}': {
      patch: signedIn({
        operationId: 'updateUser',
        summary: 'Enable or disable an account (admin)',
        description:
          'Disabling ends the account’s sessions at once: its tokens answer 401 and its open sockets are disconnected.',
        tags: ['users'],
        parameters: joiParameters(userIdParamsSchema, 'path', { id: 'The account id.' }),
        requestBody: jsonBody('UpdateUserRequest'),
        responses: {
          '200': json('The account.', ref('UserView')),
          ...problems({
            ...JSON_BODY_FAILURES,
            400: 'The body is not valid JSON, or the account id is not valid.',
            403: 'Only an admin may enable or disable accounts, and not disable their own.',
            404: 'There is no such account.',
            422: 'The body is not valid.',
          }),
        },
      }),
    },
    '/api/orgs': {
      get: signedIn({
        operationId: 'listOrganisations',
        summary: 'List organisations (staff)',
        description:
          'The organisations of one type, or the others of the same type as `sameTypeAs` (a hand-over within a channel), by name. Exactly one of the two is given.',
        tags: ['users'],
        parameters: joiParameters(listOrgsQuerySchema, 'query'),
        responses: {
          '200': json('The organisations.', ref('OrgList')),
          ...problems({ 400: 'The query is not valid.', 403: 'Only staff may list organisations.' }),
        },
      }),
    },
  };
}
