import type { TFunction } from 'i18next';
import type { NotificationView } from '../../../shared/notifications/notificationView.js';
import { formatDateTime } from '../i18n/format.js';
import { clockLabel } from '../i18n/labels.js';

/** The sentence of a notification in the UI language. */
export function notificationText(n: NotificationView, t: TFunction, lang: string): string {
  const d = n.data;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (n.kind) {
    case 'assignment':
      return t('notifications.body.assignment', {
        role: t(`notifications.role.${str(d.role) || 'officer'}`),
      });
    case 'message':
      return t('notifications.body.message', { author: str(d.authorName), excerpt: str(d.excerpt) });
    case 'actionWaiting':
      return t('notifications.body.actionWaiting');
    case 'clockWarning':
      return t('notifications.body.clockWarning', {
        clock: clockLabel(str(d.clock), lang),
        level: t(`vocab.warningLevel.${str(d.level) || 'breach'}`),
      });
    case 'outcome':
      return d.status === 'resolved'
        ? t('notifications.body.outcomeResolved')
        : t('notifications.body.outcomeClosed', {
            reason: d.closureReason ? t(`vocab.closure.${str(d.closureReason)}`) : '—',
          });
    case 'sessionScheduled':
      return t(
        d.hearing === true
          ? 'notifications.body.sessionScheduledHearing'
          : 'notifications.body.sessionScheduled',
        {
          when: formatDateTime(str(d.sessionAt), lang),
        },
      );
  }
}
