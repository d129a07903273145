import {
  changePasswordSchema,
  createUserSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  loginSchema,
  registerSchema,
  updateUserSchema,
} from '../../shared/schemas/accounts.js';
import { complaintSchema } from '../../shared/schemas/complaint.js';
import { creditDecisionSchema, creditObjectionSchema } from '../credit/creditQuery.js';
import { messageSchema } from '../../shared/schemas/messages.js';
import { notificationSettingsSchema } from '../../shared/schemas/notifications.js';
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
    CreateUserRequest: described(
      joiToJsonSchema(createUserSchema),
      'An account of any role. Officers, mediators, arbitrators and investigators need an `orgId`; other roles must not have one.',
    ),
    UpdateUserRequest: described(
      joiToJsonSchema(updateUserSchema),
      'Enables or disables an account. A disabled account cannot sign in, its tokens answer 401 and its open sockets are disconnected.',
    ),
    ChangePasswordRequest: described(
      joiToJsonSchema(changePasswordSchema),
      'The current password and a new one.',
    ),
    PasswordResetRequest: joiToJsonSchema(passwordResetRequestSchema),
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
    CreditDecision: described(
      joiToJsonSchema(creditDecisionSchema),
      'Staff’s decision on an objection: keep, correct (with the corrected fields) or remove, with a reason.',
    ),
  };
}
