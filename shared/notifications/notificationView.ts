import type { Language, NotificationKind } from './notificationKinds.js';

/** A notification as the API and the `notification:new` push present it. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  caseId: string;
  caseNo: string;
  title: string;
  /** Per kind: `role`; `authorName`, `visibility`, `excerpt`; `clock`, `level`, `dueAt`; `status`, `closureReason`. */
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

/** A page of the signed-in user's notifications, newest first. */
export interface NotificationPage {
  items: NotificationView[];
  unread: number;
  /** Pass as `before` for the next page; null on the last page. */
  nextBefore: string | null;
}

/** A user's notification settings (`GET`/`PATCH /api/notifications/settings`). */
export interface NotificationSettingsView {
  language: Language;
  /** Kinds the user receives by e-mail. */
  mailKinds: NotificationKind[];
}
