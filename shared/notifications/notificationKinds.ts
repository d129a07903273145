/** What a notification is about (the same kinds go by e-mail and into the notification centre). */
export const NOTIFICATION_KINDS = [
  'assignment',
  'message',
  'actionWaiting',
  'clockWarning',
  'outcome',
  'sessionScheduled',
] as const;

/** A kind of notification. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A user's language for mails and the client (zh-CN by default). */
export const LANGUAGES = ['zh-CN', 'en'] as const;

/** A language Sevenfold speaks. */
export type Language = (typeof LANGUAGES)[number];
