import type { NotificationView } from '../../shared/notifications/notificationView.js';
import type { NotificationDoc } from './notificationModel.js';

/** The view of a stored notification. */
export function presentNotification(doc: NotificationDoc): NotificationView {
  return {
    id: doc._id,
    kind: doc.kind,
    caseId: doc.caseId,
    caseNo: doc.caseNo,
    title: doc.title,
    data: doc.data,
    createdAt: new Date(doc.createdAt).toISOString(),
    readAt: doc.readAt ? new Date(doc.readAt).toISOString() : null,
  };
}
