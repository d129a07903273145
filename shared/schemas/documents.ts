import Joi from 'joi';

/** `:id` of a case and `:documentId` (`<seq>-<kind>-<lang>`) of one of its generated documents. */
export const documentParamsSchema = Joi.object({
  id: Joi.string()
    .pattern(/^[A-Za-z0-9_-]{1,64}$/)
    .required(),
  documentId: Joi.string()
    .pattern(/^[1-9][0-9]{0,6}-[A-Za-z]{1,40}-(zh-CN|en)$/)
    .required(),
});

/** `?lang=` of the case file PDF. */
export const caseFilePdfQuerySchema = Joi.object({
  lang: Joi.string().valid('zh-CN', 'en').default('zh-CN'),
});
