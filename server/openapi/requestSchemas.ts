import { invitationRegisterSchema, respondentAddressSchema } from '../../shared/schemas/invitations.js';
import {
  createUserSchema,
  loginSchema,
  registerSchema,
  updateUserSchema,
} from '../../shared/schemas/accounts.js';
import { complaintSchema } from '../../shared/schemas/complaint.js';
import { creditDecisionSchema, creditObjectionSchema } from '../credit/creditQuery.js';
import { messageSchema } from '../../shared/schemas/messages.js';
import { joiToJsonSchema } from './joiToJsonSchema.js';
import type { JsonSchema } from './openApiTypes.js';

const described = (schema: JsonSchema, description: string): JsonSchema => ({ ...schema, description });

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
      'The respondent’s new e-mail address.',
    ),
    CreateUserRequest: described(
      joiToJsonSchema(createUserSchema),
      'An account of any role. Officers, mediators, arbitrators and investigators need an `orgId`; other roles must not have one.',
    ),
    UpdateUserRequest: described(
      joiToJsonSchema(updateUserSchema),
      'Enables or disables an account. A disabled account cannot sign in, its tokens answer 401 and its open sockets are disconnected.',
    ),
    MessageInput: described(joiToJsonSchema(messageSchema), 'A message; the body is trimmed.'),
    CreditObjection: described(
      joiToJsonSchema(creditObjectionSchema),
      'The listed party’s objection to a credit-register entry, with its reason.',
    ),
    CreditDecision: described(
      joiToJsonSchema(creditDecisionSchema),
      'Staff’s decision on an objection: keep, correct (with the corrected fields) or remove, with a reason.',
    ),
  };
}
