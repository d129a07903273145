import { invitationTokenParamsSchema } from '../../shared/schemas/invitations.js';
import { caseIdParameters } from './casePaths.js';
import { joiParameters } from './joiParameters.js';
import type { Paths } from './openApiTypes.js';
import { jsonBody, signedIn } from './operations.js';
import { JSON_BODY_FAILURES, json, problems } from './responses.js';
import { ref } from './schemaBuilders.js';

const tokenParameters = () =>
  joiParameters(invitationTokenParamsSchema, 'path', { token: 'The token of the invitation link.' });

const LINK_FAILURES = {
  400: 'The token is not one Sevenfold makes.',
  404: 'No invitation has this token (`code: invitationUnknown`): nothing about any case is said.',
  409: 'The link was already used (`code: invitationClaimed`): nothing about its case is said to anyone but its claimant.',
  410: 'The link expired (`invitationExpired`) or was replaced by a newer one (`invitationReplaced`): nothing about its case is said.',
  429: 'Too many links were tried from this client address (INVITATION_LOOKUPS_PER_MINUTE); Retry-After says when to try again.',
};
const NO_CASE = 'There is no such case, or the caller may not see it.';
const STAFF_ONLY =
  'Only the case’s staff (its organisation’s officers, its assignees, an admin) manage invitations.';

/** `/api/invitations/{token}…` and `/api/cases/{id}/invitations…` (`invitationRoutes.ts`). */
export function invitationPaths(): Paths {
  return {
    '/api/invitations/{token}': {
      get: {
        operationId: 'openInvitation',
        summary: 'Open an invitation link',
        description:
          'What the holder of a respondent’s invitation may see: the case’s number, title and parties. The first opening is recorded on the case (`INVITATION_OPENED`; not service). No account is needed; a valid `Authorization: Bearer` of the account that claimed the link is given its case id (an invalid one is ignored).',
        tags: ['invitations'],
        parameters: tokenParameters(),
        responses: {
          '200': json('The invitation.', ref('InvitationView')),
          ...problems(LINK_FAILURES),
        },
      },
    },
    '/api/invitations/{token}/register': {
      post: {
        operationId: 'registerByInvitation',
        summary: 'Register as the case’s respondent through the link',
        description:
          'Creates a `respondent` account with the link’s address, binds it to this case only and records service (`SERVE`, `means: link`): the answer and consent periods run from now. The link is then used.',
        tags: ['invitations'],
        parameters: tokenParameters(),
        requestBody: jsonBody('InvitationRegisterRequest'),
        responses: {
          '201': json('The case and the new account’s session.', ref('InvitationClaim')),
          ...problems({
            ...JSON_BODY_FAILURES,
            ...LINK_FAILURES,
            400: 'The token is not valid, the body is not valid JSON, or the password is too weak (`errors`).',
            409: 'The link was already used, an account with its address exists (`code: accountExists`: sign in and claim), or the case is closed.',
            422: 'The body is not valid.',
          }),
        },
      },
    },
    '/api/invitations/{token}/claim': {
      post: signedIn({
        operationId: 'claimInvitation',
        summary: 'Claim the case as the signed-in respondent',
        description:
          'Binds the signed-in respondent account to the case and records service (`SERVE`, `means: link`). Claiming a link the caller already claimed answers its case again.',
        tags: ['invitations'],
        parameters: tokenParameters(),
        responses: {
          '200': json('The case the caller now answers in.', ref('InvitationClaim')),
          ...problems({
            ...LINK_FAILURES,
            403: 'The caller is not a respondent account, or another account answers for this case’s respondent.',
            409: 'The link was already used by another account, or the case is closed.',
          }),
        },
      }),
    },
    '/api/cases/{id}/invitations': {
      get: signedIn({
        operationId: 'listInvitations',
        summary: 'The case’s invitations and the respondent’s service (staff)',
        tags: ['invitations'],
        parameters: caseIdParameters(),
        responses: {
          '200': json('The invitations, oldest first, with each mail’s delivery.', ref('CaseInvitations')),
          ...problems({ 400: 'The case id is not valid.', 403: STAFF_ONLY, 404: NO_CASE }),
        },
      }),
      post: signedIn({
        operationId: 'resendInvitation',
        summary: 'Send a respondent a new link (staff)',
        description:
          'The respondent’s pending link is void; the new one goes to their current address (`INVITATION_SENT`). The body may name the respondent (`{respondent}`, 0 the first, when absent).',
        tags: ['invitations'],
        parameters: caseIdParameters(),
        requestBody: { ...jsonBody('ResendInvitationRequest'), required: false },
        responses: {
          '201': json('The invitations after the resend.', ref('CaseInvitations')),
          ...problems({
            400: 'The case id is not valid.',
            403: STAFF_ONLY,
            404: NO_CASE,
            409: 'The respondent is served already, the case is not in a procedure or decided, or there is no address.',
            422: 'The case names no such respondent.',
          }),
        },
      }),
    },
    '/api/cases/{id}/invitations/address': {
      post: signedIn({
        operationId: 'changeRespondentAddress',
        summary: 'Change a respondent’s address and send a link there (staff)',
        description:
          'Recorded as `RESPONDENT_ADDRESS_CHANGED` (who, when, old → new), shown to staff only; the pending link is void and a new one goes to the new address.',
        tags: ['invitations'],
        parameters: caseIdParameters(),
        requestBody: jsonBody('RespondentAddressRequest'),
        responses: {
          '201': json('The invitations after the change.', ref('CaseInvitations')),
          ...problems({
            ...JSON_BODY_FAILURES,
            400: 'The case id is not valid, or the body is not valid JSON.',
            403: STAFF_ONLY,
            404: NO_CASE,
            409: 'The respondent is served already, the case is not in a procedure or decided, or it is the same address.',
            422: 'The address is not valid, or the case names no such respondent.',
          }),
        },
      }),
    },
  };
}
