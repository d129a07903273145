import { updateUserSettings, userById } from '../users/userLookups.js';
import type { Connection } from 'mongoose';
import { NOTIFICATION_KINDS } from '../../shared/notifications/notificationKinds.js';
import type {
  NotificationPage,
  NotificationSettingsView,
} from '../../shared/notifications/notificationView.js';
import type { AuthUser } from '../auth/authUser.js';
import { DomainError } from '../errors/domainError.js';
import { notificationModel, type NotificationDoc } from './notificationModel.js';
import { presentNotification } from './presentNotification.js';

/** The notification centre of the signed-in user, and their settings. */
export interface NotificationService {
  list(user: AuthUser, query: { before?: Date; limit: number }): Promise<NotificationPage>;
  unread(user: AuthUser): Promise<number>;
  /** The unread count of a user by id (the live push). */
  unreadOf(userId: string): Promise<number>;
  /** Marks one of the user's notifications read (404 for anyone else's); resolves with the unread count. */
  markRead(user: AuthUser, id: string): Promise<number>;
  /** Marks all of the user's notifications read; resolves with the unread count (0). */
  markAllRead(user: AuthUser): Promise<number>;
  settings(user: AuthUser): Promise<NotificationSettingsView>;
  updateSettings(
    user: AuthUser,
    change: Partial<NotificationSettingsView>,
  ): Promise<NotificationSettingsView>;
}

/** Builds the notification service on a connection. */
export function createNotificationService(db: Connection, now: () => Date): NotificationService {
  const Notifications = notificationModel(db);
  // by the {userId, read} index
  const unread = (userId: string) => Notifications.countDocuments({ userId, read: false });
  const service: NotificationService = {
    async list(user, { before, limit }) {
      // by the {userId, createdAt} index, newest first
      const filter = before ? { userId: user.id, createdAt: { $lt: before } } : { userId: user.id };
      const docs = await Notifications.find(filter)
        .sort({ createdAt: -1 })
        .limit(limit + 1)
        .lean<NotificationDoc[]>();
      const page = docs.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(presentNotification),
        unread: await unread(user.id),
        nextBefore: docs.length > limit && last ? new Date(last.createdAt).toISOString() : null,
      };
    },
    unread: (user) => unread(user.id),
    unreadOf: (userId) => unread(userId),
    async markRead(user, id) {
      // by _id, then the owner: someone else's id is as absent as an unknown one
      const doc = await Notifications.findById(id, { userId: 1, readAt: 1 }).lean();
      if (!doc || doc.userId !== user.id)
        throw new DomainError('notFound', 'No such notification.', { code: 'notificationNotFound' });
      if (!doc.readAt) await Notifications.updateOne({ _id: id }, { $set: { readAt: now(), read: true } });
      return unread(user.id);
    },
    async markAllRead(user) {
      // the unread ones by the {userId, read} index, then marked by their ids, a batch at a time
      for (;;) {
        const ids = (
          await Notifications.find({ userId: user.id, read: false }, { _id: 1 }).limit(500).lean()
        ).map((n) => n._id);
        if (ids.length === 0) break;
        await Notifications.updateMany({ _id: { $in: ids } }, { $set: { readAt: now(), read: true } });
      }
      return unread(user.id);
    },
    async settings(user) {
      const doc = await userById(db, user.id, { language: 1, mailOff: 1 });
      const off = new Set(doc?.mailOff ?? []);
      return {
        language: doc?.language ?? 'zh-CN',
        mailKinds: NOTIFICATION_KINDS.filter((k) => !off.has(k)),
      };
    },
    async updateSettings(user, change) {
      await updateUserSettings(db, user.id, {
        ...(change.language ? { language: change.language } : {}),
        ...(change.mailKinds
          ? { mailOff: NOTIFICATION_KINDS.filter((k) => !change.mailKinds?.includes(k)) }
          : {}),
      });
      return service.settings(user);
    },
  };
  return service;
}
