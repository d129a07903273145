import Joi from 'joi';
import { IP_TYPES, ORG_TYPES, ROLES } from '../vocabulary.js';
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

/** `POST /api/users`: an admin creates an account of any role. */
export const createUserSchema = Joi.object({
  email: email.required(),
  password: password.required(),
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
});

/** `GET /api/users` filters (staff). */
export const listUsersQuerySchema = Joi.object({
  role: Joi.string().valid(...ROLES),
  orgId: Joi.string().pattern(/^[A-Za-z0-9_-]{1,64}$/),
});

/** `PATCH /api/users/:id` path. */
export const userIdParamsSchema = Joi.object({
  id: Joi.string()
    .pattern(/^[A-Za-z0-9_-]{1,64}$/)
    .required(),
});

/** `PATCH /api/users/:id`: an admin enables or disables an account. */
export const updateUserSchema = Joi.object({
  active: Joi.boolean().strict().required(),
});

/**
 * `GET /api/orgs` query: the organisations of one type (a channel's bodies, or protection centers), or
 * the others of the same type as one organisation (`sameTypeAs`, for a hand-over).
 */
export const listOrgsQuerySchema = Joi.object({
  type: Joi.string().valid(...ORG_TYPES),
  sameTypeAs: Joi.string().pattern(/^[A-Za-z0-9_-]{1,64}$/),
}).xor('type', 'sameTypeAs');

/** `POST /api/auth/password-reset`: ask for a reset link by e-mail. */
export const passwordResetRequestSchema = Joi.object({ email: email.required() });

/** `POST /api/auth/password-reset/confirm`: the link's token and the new password. */
export const passwordResetConfirmSchema = Joi.object({
  token: Joi.string()
    .pattern(/^[A-Za-z0-9_-]{20,100}$/)
    .required(),
  password: password.required(),
});

/** `POST /api/auth/password`: change the password, with the current one. */
export const changePasswordSchema = Joi.object({
  currentPassword: Joi.string().min(1).max(200).required(),
  password: password.required(),
});
