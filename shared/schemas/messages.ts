import Joi from 'joi';
import { MESSAGE_VISIBILITIES, type MessageVisibility } from '../vocabulary.js';

/** Longest message body, in characters (after trimming). */
export const MESSAGE_BODY_MAX = 4000;

/** A new message, as the client sends it over HTTP or Socket.IO. */
export interface MessageInput {
  body: string;
  visibility: MessageVisibility;
}

/**
 * A new message `{body, visibility}`: the body is trimmed to 1–4000 characters, the visibility is
 * required (never defaulted to the widest audience). Validate with `convert: true` so `trim` applies.
 */
export const messageSchema = Joi.object<MessageInput>({
  body: Joi.string().trim().min(1).max(MESSAGE_BODY_MAX).required(),
  visibility: Joi.string()
    .valid(...MESSAGE_VISIBILITIES)
    .required(),
});

/** `GET /api/cases/:id/messages` query: newest first, `before` a case seq, optional visibility filter. */
export const messageListQuerySchema = Joi.object({
  before: Joi.number().integer().min(1),
  limit: Joi.number().integer().min(1).max(100).default(50),
  visibility: Joi.string().valid(...MESSAGE_VISIBILITIES),
});
