import type { MailTemplateName } from './mailTemplates.js';

/** A mail's language: the recipient's. */
export type MailLocale = 'zh-CN' | 'en';

/** A file sent with a mail (text content, e.g. an `.ics` invitation). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * A mail to send, as callers hand it to the outbox: rendered from `template` with `data` in
 * `locale` when it is enqueued. `dedupeKey` names the occasion (e.g. `<caseId>:<seq>:<kind>:<userId>`):
 * a second mail with the same key is never stored nor sent.
 */
export interface OutgoingMail {
  to: string;
  locale: MailLocale;
  template: MailTemplateName;
  data: Record<string, unknown>;
  dedupeKey: string;
  userId?: string;
  caseId?: string;
  attachments?: MailAttachment[];
}
