import Joi from 'joi';

/** `GET /api/mail/outbox` query. */
export const outboxListQuerySchema = Joi.object({
  before: Joi.date().iso(),
  limit: Joi.number().integer().min(1).max(100).default(30),
});

/** `GET /api/mail/outbox/:id` path (an outbox id is its dedupeKey). */
export const outboxIdParamsSchema = Joi.object({
  id: Joi.string()
    .max(300)
    .pattern(/^[A-Za-z0-9:_-]+$/)
    .required(),
});
