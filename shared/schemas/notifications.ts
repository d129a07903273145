import Joi from 'joi';
import { LANGUAGES, NOTIFICATION_KINDS } from '../notifications/notificationKinds.js';

/** `GET /api/notifications` query: a page of at most `limit`, older than `before` when given. */
export const notificationListQuerySchema = Joi.object({
  before: Joi.date().iso(),
  limit: Joi.number().integer().min(1).max(50).default(20),
});

/** A notification id (`<caseId>:<seq>:<kind>:<userId>`). */
export const notificationIdParamsSchema = Joi.object({
  id: Joi.string()
    .max(200)
    .pattern(/^[A-Za-z0-9_-]+:\d+:[A-Za-z]+:[A-Za-z0-9_-]+$/)
    .required(),
});

/** `PATCH /api/notifications/settings`: the language of mails, and the kinds wanted by e-mail. */
export const notificationSettingsSchema = Joi.object({
  language: Joi.string().valid(...LANGUAGES),
  mailKinds: Joi.array()
    .items(Joi.string().valid(...NOTIFICATION_KINDS))
    .unique()
    .max(NOTIFICATION_KINDS.length),
}).min(1);

/** `notifications:read` (Socket.IO): some ids, or all. */
export const markReadSchema = Joi.alternatives(
  Joi.object({ ids: Joi.array().items(Joi.string().max(200)).min(1).max(100).required() }),
  Joi.object({ all: Joi.boolean().valid(true).required() }),
);
