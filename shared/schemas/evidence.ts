import Joi from 'joi';

/** Longest evidence description, in characters (after trimming). */
export const EVIDENCE_DESCRIPTION_MAX = 500;

/** Longest stored evidence file name, in characters. */
export const EVIDENCE_NAME_MAX = 200;

/** The optional `description` text field of an evidence upload (empty means none). */
export const evidenceDescriptionSchema = Joi.string().trim().max(EVIDENCE_DESCRIPTION_MAX).allow('');

/** `:id` of a case and `:evidenceId` of one of its evidence files. */
export const evidenceParamsSchema = Joi.object({
  id: Joi.string()
    .pattern(/^[A-Za-z0-9_-]{1,64}$/)
    .required(),
  evidenceId: Joi.string().hex().length(24).required(),
});
