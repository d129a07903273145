import Joi from 'joi';
import { MESSAGE_VISIBILITIES } from '../vocabulary.js';
import { messageSchema } from './messages.js';

const caseId = Joi.string()
  .pattern(/^[A-Za-z0-9_-]{1,64}$/)
  .required();

/** `case:subscribe`. */
export const subscribeSchema = Joi.object({
  caseId,
  afterSeq: Joi.number().integer().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
});

/** `case:unsubscribe`. */
export const unsubscribeSchema = Joi.object({ caseId });

/** `message:typing`. */
export const typingSchema = Joi.object({
  caseId,
  visibility: Joi.string()
    .valid(...MESSAGE_VISIBILITIES)
    .required(),
  typing: Joi.boolean().required(),
});

/** `message:send`: a message for a case (the same body rules as over HTTP). */
export const sendMessageSchema = (messageSchema as Joi.ObjectSchema).keys({ caseId });
