import {
  listOrgsQuerySchema,
  listUsersQuerySchema,
  orgIdParamsSchema,
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
        summary: 'Create an account (the platform supervisor: any; an organisation’s lead: its staff)',
        description:
          'Audited (`user.create`), in the same transaction as the account. With `invite: true` instead of a `password`, the account has no usable password yet: a single-use link (STAFF_INVITATION_TTL_HOURS) is mailed to it (`staffInvitation`) in the same transaction, audited (`user.invite`); the account shows `invited: true` until it chooses its password.',
        tags: ['users'],
        requestBody: jsonBody('CreateUserRequest'),
        responses: {
          '201': json('The account was created.', ref('UserView')),
          ...problems({
            ...JSON_BODY_FAILURES,
            400: 'The password is too weak (`errors` names the field and gives advice), or the body is not valid JSON.',
            403: 'The caller may not create this account (not an admin; a lead: another organisation, a non-staff role, or a lead).',
            409: 'An account with this e-mail already exists.',
            422: 'The body is not valid, or the role and organisation do not fit together.',
          }),
        },
      }),
      get: signedIn({
        operationId: 'listUsers',
        summary: 'List accounts (staff directory)',
        description:
          'Admins may list any accounts; an organisation’s lead the accounts of their organisation (`orgId`, with `includeInactive`); other officers only active mediators, arbitrators and investigators (`role` is then required). With `orgId`, an admin and the organisation’s lead also get each account’s languages, capacity, lead flag and active state.',
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
        summary:
          'Change an account: enable, disable, role, expertise, languages, capacity, organisation, lead',
        description:
          'The platform supervisor changes any account; an organisation’s lead the staff of their organisation (not `lead`, not another organisation). Audited (`user.update`, before and after) in the same transaction. Disabling ends the account’s sessions at once: its tokens answer 401 and its open sockets are disconnected.',
        tags: ['users'],
        parameters: joiParameters(userIdParamsSchema, 'path', { id: 'The account id.' }),
        requestBody: jsonBody('UpdateUserRequest'),
        responses: {
          '200': json('The account.', ref('UserView')),
          ...problems({
            ...JSON_BODY_FAILURES,
            400: 'The body is not valid JSON, or the account id is not valid.',
            403: 'The caller may not change accounts, or not this way (their own account disabled or its role changed; a lead naming a lead or moving staff out).',
            404: 'There is no such account, or it is not of the lead’s organisation.',
            422: 'The body is not valid, or the role and organisation do not fit together.',
          }),
        },
      }),
    },
    '/api/users/{id}/invitation': {
      post: signedIn({
        operationId: 'resendStaffInvitation',
        summary: 'Send an invited account a new invitation link (its earlier links stop working)',
        description:
          'The platform supervisor for any account, an organisation’s lead for its staff, while the account has not chosen its password. Audited (`user.invite`).',
        tags: ['users'],
        parameters: joiParameters(userIdParamsSchema, 'path', { id: 'The account id.' }),
        responses: {
          '200': json('The account, its invitation sent again.', ref('UserView')),
          ...problems({
            400: 'The account id is not valid.',
            403: 'The caller may not invite staff.',
            404: 'There is no such account, or it is not of the lead’s organisation.',
            409: 'The account has chosen its password already (`code: staffNotInvited`).',
          }),
        },
      }),
    },
    '/api/staff-invitations/check': {
      post: {
        operationId: 'checkStaffInvitation',
        summary: 'Whom a staff invitation link invites, while it works',
        description:
          'No sign-in. Limited per client address (INVITATION_LOOKUPS_PER_MINUTE). A link that does not work is answered 422 with its reason: `staffInvitationUnknown`, `staffInvitationUsed` or `staffInvitationExpired` (also a link replaced by a newer one).',
        tags: ['users'],
        requestBody: jsonBody('StaffInvitationCheck'),
        responses: {
          '200': json('The invited account’s name and e-mail.', ref('StaffInvitationView')),
          ...problems({
            ...JSON_BODY_FAILURES,
            400: 'The body is not valid JSON.',
            422: 'The body is not valid, or the link does not work (its `code` says why).',
            429: 'Too many lookups from this address: wait (`Retry-After`).',
          }),
        },
      },
    },
    '/api/staff-invitations/accept': {
      post: {
        operationId: 'acceptStaffInvitation',
        summary: 'Choose the password with a staff invitation link, and sign in',
        description:
          'No sign-in. Works once, before the link expires; the account’s invitation ends (`invited: false`) and the answer signs it in.',
        tags: ['users'],
        requestBody: jsonBody('StaffInvitationAccept'),
        responses: {
          '200': json('Signed in with the new password.', ref('LoginResponse')),
          ...problems({
            ...JSON_BODY_FAILURES,
            400: 'The password is too weak (`errors` gives advice), or the body is not valid JSON.',
            422: 'The body is not valid, or the link does not work (`staffInvitationUnknown`, `staffInvitationUsed`, `staffInvitationExpired`).',
            429: 'Too many lookups from this address: wait (`Retry-After`).',
          }),
        },
      },
    },
    '/api/orgs': {
      get: signedIn({
        operationId: 'listOrganisations',
        summary: 'List organisations (staff)',
        description:
          'The active organisations of one type, or the other active ones of the same type as `sameTypeAs` (a hand-over within a channel), by name. With neither: an admin every organisation (active or not), an officer their own.',
        tags: ['users'],
        parameters: joiParameters(listOrgsQuerySchema, 'query'),
        responses: {
          '200': json('The organisations.', ref('OrgList')),
          ...problems({ 400: 'The query is not valid.', 403: 'Only staff may list organisations.' }),
        },
      }),
      post: signedIn({
        operationId: 'createOrganisation',
        summary: 'Create an organisation (the platform supervisor)',
        description: 'Audited (`org.create`), in the same transaction as the organisation.',
        tags: ['users'],
        requestBody: jsonBody('CreateOrgRequest'),
        responses: {
          '201': json('The organisation was created.', ref('OrgView')),
          ...problems({
            ...JSON_BODY_FAILURES,
            403: 'Only the platform supervisor may create organisations.',
            409: 'An organisation with this id already exists.',
            422: 'The body is not valid, or the channel does not fit the type.',
          }),
        },
      }),
    },
    '/api/orgs/{id}': {
      patch: signedIn({
        operationId: 'updateOrganisation',
        summary: 'Change, deactivate or reactivate an organisation (the platform supervisor)',
        description:
          'Audited (`org.update`, before and after) in the same transaction. A deactivated organisation receives no new cases and is offered for no hand-over; its staff keep their accounts.',
        tags: ['users'],
        parameters: joiParameters(orgIdParamsSchema, 'path', { id: 'The organisation id.' }),
        requestBody: jsonBody('UpdateOrgRequest'),
        responses: {
          '200': json('The organisation.', ref('OrgView')),
          ...problems({
            ...JSON_BODY_FAILURES,
            400: 'The body is not valid JSON, or the organisation id is not valid.',
            403: 'Only the platform supervisor may change organisations.',
            404: 'There is no such organisation.',
            422: 'The body is not valid, or the channel does not fit the type.',
          }),
        },
      }),
    },
  };
}
