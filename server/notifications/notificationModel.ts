import { Schema, type Connection, type Model } from 'mongoose';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../shared/notifications/notificationKinds.js';

/**
 * An in-app notification of one user. `_id` is `<caseId>:<seq>:<kind>:<userId>` (the occasion), the
 * same key as its mail's `dedupeKey`, so writing it again (a repair) changes nothing.
 */
export interface NotificationDoc {
  _id: string;
  userId: string;
  kind: NotificationKind;
  caseId: string;
  caseNo: string;
  title: string;
  /** What the client needs to say it (level and clock of a warning, author and excerpt of a message…). */
  data: Record<string, unknown>;
  createdAt: Date;
  /** When the user read it; null while unread. */
  readAt: Date | null;
  /** Whether it was read (the unread count's index key: an equality on a boolean). */
  read: boolean;
}

const schema = new Schema<NotificationDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    kind: { type: String, required: true, enum: NOTIFICATION_KINDS },
    caseId: { type: String, required: true },
    caseNo: { type: String, required: true },
    title: { type: String, default: '' },
    data: { type: Schema.Types.Mixed, default: {} },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
    read: { type: Boolean, default: false },
  },
  { versionKey: false, minimize: false, collection: 'notifications' },
);
// a user's list, newest first, paged by createdAt
schema.index({ userId: 1, createdAt: -1 });
// a user's unread count and "mark all read"
schema.index({ userId: 1, read: 1 });

/** The `notifications` model on a connection. */
export function notificationModel(conn: Connection): Model<NotificationDoc> {
  return (
    (conn.models.Notification as Model<NotificationDoc> | undefined) ??
    conn.model<NotificationDoc>('Notification', schema)
  );
}
