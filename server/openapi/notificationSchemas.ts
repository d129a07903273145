import { LANGUAGES, NOTIFICATION_KINDS } from '../../shared/notifications/notificationKinds.js';
import type { JsonSchema } from './openApiTypes.js';
import { closed, count, id, instant, listOf, nullable, oneOfStrings, ref, text } from './schemaBuilders.js';

const MAIL_STATES = ['queued', 'sent', 'kept', 'failed'];
const outboxSummary = {
  id: { ...id, description: 'The mail’s dedupeKey (the occasion it was sent for).' },
  to: text,
  subject: text,
  template: text,
  locale: oneOfStrings(LANGUAGES),
  state: oneOfStrings(
    MAIL_STATES,
    '`queued` waiting or being sent; `sent` accepted by the SMTP server; `kept` in the local outbox (no SMTP_URL); `failed` after the last attempt.',
  ),
  attempts: count,
  caseId: nullable(id),
  createdAt: instant,
  sentAt: nullable(instant),
  lastError: nullable(text),
};

/** Response schemas of notifications, their settings, the outbox and session tokens. */
export const notificationSchemas: Record<string, JsonSchema> = {
  NotificationView: {
    ...closed({
      id,
      kind: oneOfStrings(NOTIFICATION_KINDS),
      caseId: id,
      caseNo: text,
      title: text,
      data: { type: 'object', description: 'What the client needs to say it, per kind.' },
      createdAt: instant,
      readAt: nullable(instant),
    }),
    description: 'A notification (the same shape as the realtime `notification:new`).',
  },
  NotificationPage: {
    ...closed({
      items: listOf(ref('NotificationView')),
      unread: count,
      nextBefore: { ...nullable(instant), description: 'Pass as `before` for older ones; null: no more.' },
    }),
    description: 'The signed-in user’s notifications, newest first, and how many are unread.',
  },
  UnreadCount: closed({ unread: count }),
  NotificationSettings: closed({
    language: oneOfStrings(LANGUAGES),
    mailKinds: { ...listOf(oneOfStrings(NOTIFICATION_KINDS)), description: 'Kinds received by e-mail.' },
  }),
  OutboxMailSummary: closed(outboxSummary),
  OutboxPage: closed({
    items: listOf(ref('OutboxMailSummary')),
    delivery: oneOfStrings(['smtp', 'local'], '`local`: no SMTP_URL, mails stay here.'),
    nextBefore: nullable(instant),
  }),
  OutboxMailView: closed({
    ...outboxSummary,
    text: text,
    html: text,
    links: listOf(text),
    messageId: text,
  }),
  SessionToken: {
    ...closed({
      token: { ...text, description: 'A new HS256 JWT of the same session.' },
      expiresAt: instant,
    }),
    description: 'A renewed access token.',
  },
};
