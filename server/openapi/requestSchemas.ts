import {
  invitationRegisterSchema,
  resendInvitationSchema,
  respondentAddressSchema,
} from '../../shared/schemas/invitations.js';
import {
  changePasswordSchema,
  createUserSchema,
  passwordResetConfirmSchema,
  staffInvitationAcceptSchema,
  staffInvitationCheckSchema,
  passwordResetRequestSchema,
  createOrgSchema,
  updateOrgSchema,
  loginSchema,
  registerSchema,
  updateUserSchema,
} from '../../shared/schemas/accounts.js';
import { complaintSchema } from '../../shared/schemas/complaint.js';
import { creditDecisionSchema, creditObjectionSchema } from '../credit/creditQuery.js';
import { messageSchema } from '../../shared/schemas/messages.js';
import { notificationSettingsSchema } from '../../shared/schemas/notifications.js';
import { reportActionSchema, reportSchema } from '../public/publicQuery.js';
import { joiToJsonSchema } from './joiToJsonSchema.js';
import type { JsonSchema } from './openApiTypes.js';

/**
 * The report body: Joi's `when` (name and contact only for a named report) as JSON Schema's
 * `if`/`then`/`else`, the fields themselves as converted.
 */
function reportInputSchema(): JsonSchema {
  const converted = joiToJsonSchema(reportSchema) as { properties: Record<string, JsonSchema> };
  const plain = (field: string) => {
    const { oneOf, ...rest } = converted.properties[field] as JsonSchema & { oneOf?: unknown };
    void oneOf;
    return rest;
  };
  return {
    ...converted,
    properties: { ...converted.properties, reporterName: plain('reporterName'), contact: plain('contact') },
    if: { properties: { anonymous: { const: true } } },
    then: { properties: { reporterName: false, contact: false } },
    else: {
      properties: { reporterName: { type: 'string' }, contact: { type: 'string' } },
      required: ['reporterName', 'contact'],
    },
  } as JsonSchema;
}

const described = (schema: JsonSchema, description: string): JsonSchema => ({ ...schema, description });

/** The office's action on a report: Joi's `when` (a note, and a case, only to handle it) as `if`/`then`/`else`. */
function reportActionInputSchema(): JsonSchema {
  const converted = joiToJsonSchema(reportActionSchema) as { properties: Record<string, JsonSchema> };
  const plain = (field: string) => {
    const { oneOf, ...rest } = converted.properties[field] as JsonSchema & { oneOf?: unknown };
    void oneOf;
    return rest;
  };
  return {
    ...converted,
    properties: { ...converted.properties, note: plain('note'), caseNo: plain('caseNo') },
    if: { properties: { type: { const: 'handle' } } },
    then: { properties: { note: { type: 'string' } }, required: ['note'] },
    else: { properties: { note: false, caseNo: false } },
  } as JsonSchema;
}

/** Joi's `xor(a, b)` as JSON Schema: exactly one of the two properties (joi-to-json's rendering is not strict). */
function exactlyOneOf(schema: JsonSchema, names: [string, string]): JsonSchema {
  const { if: _if, then: _then, else: _else, ...rest } = schema as Record<string, unknown>;
  void _if;
  void _then;
  void _else;
  const props = (rest.properties ?? {}) as Record<string, JsonSchema>;
  return {
    ...rest,
    oneOf: names.map((name) => ({ required: [name], properties: { [name]: props[name] } })),
  } as JsonSchema;
}

/** Request bodies, converted from the Joi schemas the routes validate them with. */
export function requestSchemas(): Record<string, JsonSchema> {
  return {
    Complaint: described(
      joiToJsonSchema(complaintSchema),
      'A complaint (also the `complaint` of a case). Strings are trimmed; `rights` must not repeat a number.',
    ),
    LoginRequest: joiToJsonSchema(loginSchema),
    RegisterRequest: described(joiToJsonSchema(registerSchema), 'A rights holder’s own account.'),
    InvitationRegisterRequest: described(
      joiToJsonSchema(invitationRegisterSchema),
      'The respondent’s name and password; the address is the invitation’s.',
    ),
    RespondentAddressRequest: described(
      joiToJsonSchema(respondentAddressSchema),
      'A respondent’s new e-mail address; `respondent` says which (0, the first, when absent).',
    ),
    ResendInvitationRequest: described(
      joiToJsonSchema(resendInvitationSchema),
      'Optional: which respondent gets a new link (0, the first, when absent).',
    ),
    CreateUserRequest: described(
      exactlyOneOf(joiToJsonSchema(createUserSchema), ['password', 'invite']),
      'An account. Officers, mediators, arbitrators and investigators need an `orgId` (an organisation’s lead: their own, the default); other roles must not have one. The password is the initial one the administrator hands over; with `invite: true` instead, the account is mailed a link to choose its own.',
    ),
    CreateOrgRequest: described(
      joiToJsonSchema(createOrgSchema),
      'A new organisation (the platform supervisor).',
    ),
    UpdateOrgRequest: described(
      joiToJsonSchema(updateOrgSchema),
      'Changes of an organisation; `active: false` deactivates it (it then receives no new cases).',
    ),
    UpdateUserRequest: described(
      joiToJsonSchema(updateUserSchema),
      'Changes an account. A disabled account cannot sign in, its tokens answer 401 and its open sockets are disconnected (as they are when its role or organisation changes). An organisation’s lead may not change `lead` nor move staff to another organisation.',
    ),
    ChangePasswordRequest: described(
      joiToJsonSchema(changePasswordSchema),
      'The current password and a new one.',
    ),
    PasswordResetRequest: joiToJsonSchema(passwordResetRequestSchema),
    StaffInvitationCheck: described(
      joiToJsonSchema(staffInvitationCheckSchema),
      'The token of the link in the staff invitation mail.',
    ),
    StaffInvitationAccept: described(
      joiToJsonSchema(staffInvitationAcceptSchema),
      'The token of the link in the staff invitation mail, and the password the staff member chooses.',
    ),
    PasswordResetConfirm: described(
      joiToJsonSchema(passwordResetConfirmSchema),
      'The token of the link in the reset mail, and the new password.',
    ),
    NotificationSettingsInput: described(
      joiToJsonSchema(notificationSettingsSchema),
      'Either or both: the language of mails, and the kinds received by e-mail (the others are not mailed).',
    ),
    MessageInput: described(joiToJsonSchema(messageSchema), 'A message; the body is trimmed.'),
    CreditObjection: described(
      joiToJsonSchema(creditObjectionSchema),
      'The listed party’s objection to a credit-register entry, with its reason.',
    ),
    ReportAction: described(
      reportActionInputSchema(),
      'Acknowledge a new report; or handle it, with a note and optionally the number of the case it concerns.',
    ),
    ReportInput: described(
      reportInputSchema(),
      'A report to the social-supervision office: `anonymous: true` without `reporterName` and `contact`, or `false` with both.',
    ),
    CreditDecision: described(
      joiToJsonSchema(creditDecisionSchema),
      'Staff’s decision on an objection: keep, correct (with the corrected fields) or remove, with a reason.',
    ),
  };
}
