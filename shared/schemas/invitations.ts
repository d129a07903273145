/**
 * Joi schemas of the invitation routes: the token in the path, registering through a link, and the
 * respondent's new address (staff).
 */
import Joi from 'joi';
import { MAX_OTHER_RESPONDENTS } from '../machine/respondents.js';
import { minCharacters } from './minCharacters.js';

/** `{token}`: 43 base64url characters (anything else is not a link Sevenfold made). */
export const invitationTokenParamsSchema = Joi.object({
  token: Joi.string()
    .pattern(/^[A-Za-z0-9_-]{43}$/)
    .required(),
});

/** `POST /api/invitations/{token}/register`: the respondent's name and password (the address is the link's). */
export const invitationRegisterSchema = Joi.object({
  name: Joi.string().trim().min(1).max(120).required(),
  password: Joi.string()
    .min(10)
    .custom(minCharacters(10))
    .max(200)
    .messages({ 'string.min': 'Password must be at least 10 characters' })
    .required(),
});

/** Which respondent (`shared/machine/respondents.ts`: 0 the complaint's first, 1… the others); 0 when absent. */
const respondentSlot = Joi.number().integer().min(0).max(MAX_OTHER_RESPONDENTS).default(0);

/** `POST /api/cases/{id}/invitations/address`: a respondent's new e-mail address. */
export const respondentAddressSchema = Joi.object({
  email: Joi.string().trim().lowercase().email({ tlds: false }).max(254).required(),
  respondent: respondentSlot,
});

/** `POST /api/cases/{id}/invitations` (optional body): the respondent who gets a new link. */
export const resendInvitationSchema = Joi.object({ respondent: respondentSlot });
