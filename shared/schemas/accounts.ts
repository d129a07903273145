import Joi from 'joi';
import { STAFF_LANGUAGES } from '../admin/staffLanguages.js';
import { CHANNELS, IP_TYPES, ORG_TYPES, ROLES } from '../vocabulary.js';
import { minCharacters } from './minCharacters.js';

const email = Joi.string().trim().lowercase().email({ tlds: false }).max(254);
const password = Joi.string().min(10).custom(minCharacters(10)).max(200).messages({
  'string.min': 'Password must be at least 10 characters',
});
const name = Joi.string().trim().min(1).max(120);

/** `POST /api/auth/login`. */
export const loginSchema = Joi.object({
  email: email.required(),
  password: Joi.string().min(1).max(200).required(),
});

/** `POST /api/auth/register`: a rights holder creates their own account. */
export const registerSchema = Joi.object({
  email: email.required(),
  password: password.required(),
  name: name.required(),
});

/**
 * `POST /api/users`: an admin creates an account of any role, with an initial password or, with
 * `invite: true`, none: the account is then invited by e-mail to choose one (exactly one of the two).
 */
export const createUserSchema = Joi.object({
  email: email.required(),
  password,
  invite: Joi.boolean().strict().valid(true),
  name: name.required(),
  role: Joi.string()
    .valid(...ROLES)
    .required(),
  orgId: Joi.string()
    .pattern(/^[A-Za-z0-9_-]{1,64}$/)
    .allow(null)
    .default(null),
  expertise: Joi.array()
    .items(Joi.string().valid(...IP_TYPES))
    .unique()
    .default([]),
  capacity: Joi.number().strict().integer().min(1).max(200).default(10),
  languages: Joi.array()
    .items(Joi.string().valid(...STAFF_LANGUAGES))
    .unique()
    .max(STAFF_LANGUAGES.length)
    .default([]),
  lead: Joi.boolean().strict().default(false),
}).xor('password', 'invite');

/** `GET /api/users` filters (staff); `orgId=none` lists the accounts of no organisation (admins). */
export const listUsersQuerySchema = Joi.object({
  role: Joi.string().valid(...ROLES),
  orgId: Joi.string().pattern(/^[A-Za-z0-9_-]{1,64}$/),
  includeInactive: Joi.boolean().truthy('true', '1').falsy('false', '0').default(false),
});

/** `PATCH /api/users/:id` path. */
export const userIdParamsSchema = Joi.object({
  id: Joi.string()
    .pattern(/^[A-Za-z0-9_-]{1,64}$/)
    .required(),
});

/**
 * `PATCH /api/users/:id`: an admin (or the lead of the account's organisation) changes an account —
 * enables or disables it, renames it, changes its role, expertise, languages, capacity; an admin also
 * its organisation and whether it leads it. At least one field.
 */
export const updateUserSchema = Joi.object({
  active: Joi.boolean().strict(),
  name,
  role: Joi.string().valid(...ROLES),
  orgId: Joi.string()
    .pattern(/^[A-Za-z0-9_-]{1,64}$/)
    .allow(null),
  expertise: Joi.array()
    .items(Joi.string().valid(...IP_TYPES))
    .unique(),
  languages: Joi.array()
    .items(Joi.string().valid(...STAFF_LANGUAGES))
    .unique()
    .max(STAFF_LANGUAGES.length),
  capacity: Joi.number().strict().integer().min(1).max(200),
  lead: Joi.boolean().strict(),
}).min(1);

/**
 * `GET /api/orgs` query: the organisations of one type (a channel's bodies, or protection centers), or
 * the others of the same type as one organisation (`sameTypeAs`, for a hand-over).
 */
export const listOrgsQuerySchema = Joi.object({
  type: Joi.string().valid(...ORG_TYPES),
  sameTypeAs: Joi.string().pattern(/^[A-Za-z0-9_-]{1,64}$/),
}).oxor('type', 'sameTypeAs');

/** `:id` of an organisation. */
export const orgIdParamsSchema = Joi.object({
  id: Joi.string()
    .pattern(/^[A-Za-z0-9_-]{1,64}$/)
    .required(),
});

const orgFields = {
  name: Joi.string().trim().min(1).max(160),
  nameZh: Joi.string().trim().min(1).max(160),
  type: Joi.string().valid(...ORG_TYPES),
  channel: Joi.string()
    .valid(...CHANNELS)
    .allow(null),
  capacity: Joi.number().strict().integer().min(1).max(100_000).allow(null),
  expertise: Joi.array()
    .items(Joi.string().valid(...IP_TYPES))
    .unique(),
  region: Joi.string().trim().max(80).allow(''),
};

/**
 * `POST /api/orgs`: an admin creates an organisation. `channel` is the channel it works in: its own
 * type for a channel's body, one of the seven (or none) for a protection center. `capacity` is the most
 * open cases it takes at once (none: its officers' capacities).
 */
export const createOrgSchema = Joi.object({
  id: Joi.string()
    .pattern(/^org-[a-z0-9-]{2,60}$/)
    .required(),
  name: orgFields.name.required(),
  nameZh: orgFields.nameZh.required(),
  type: orgFields.type.required(),
  channel: orgFields.channel.default(null),
  capacity: orgFields.capacity.default(null),
  expertise: orgFields.expertise.default([]),
  region: orgFields.region.default(''),
});

/** `PATCH /api/orgs/:id`: an admin edits an organisation, or deactivates (reactivates) it. */
export const updateOrgSchema = Joi.object({ ...orgFields, active: Joi.boolean().strict() }).min(1);

/** `POST /api/auth/password-reset`: ask for a reset link by e-mail. */
export const passwordResetRequestSchema = Joi.object({ email: email.required() });

/** `POST /api/auth/password-reset/confirm`: the link's token and the new password. */
export const passwordResetConfirmSchema = Joi.object({
  token: Joi.string()
    .pattern(/^[A-Za-z0-9_-]{20,100}$/)
    .required(),
  password: password.required(),
});

const linkToken = Joi.string()
  .pattern(/^[A-Za-z0-9_-]{20,100}$/)
  .required();

/** `POST /api/staff-invitations/check`: the token of a staff invitation's link. */
export const staffInvitationCheckSchema = Joi.object({ token: linkToken });

/** `POST /api/staff-invitations/accept`: the link's token and the password the staff member chooses. */
export const staffInvitationAcceptSchema = Joi.object({ token: linkToken, password: password.required() });

/** `POST /api/auth/password`: change the password, with the current one. */
export const changePasswordSchema = Joi.object({
  currentPassword: Joi.string().min(1).max(200).required(),
  password: password.required(),
});
