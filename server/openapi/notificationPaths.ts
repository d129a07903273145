import {
  notificationIdParamsSchema,
  notificationListQuerySchema,
} from '../../shared/schemas/notifications.js';
import { outboxIdParamsSchema, outboxListQuerySchema } from '../../shared/schemas/outbox.js';
import { joiParameters } from './joiParameters.js';
import type { Paths } from './openApiTypes.js';
import { jsonBody, signedIn } from './operations.js';
import { JSON_BODY_FAILURES, json, problems } from './responses.js';
import { ref } from './schemaBuilders.js';

/** `/api/notifications` (`notificationRoutes.ts`) and `/api/mail/outbox` (`outboxRoutes.ts`). */
export function notificationPaths(): Paths {
  return {
    '/api/notifications': {
      get: signedIn({
        operationId: 'listNotifications',
        summary: 'The signed-in user’s notifications',
        description:
          'Assignments, messages the user may read, actions waiting for them, clock warnings and outcomes, newest first, with the unread count. New ones also arrive live as `notification:new`.',
        tags: ['notifications'],
        parameters: joiParameters(notificationListQuerySchema, 'query', {
          before: 'Only notifications older than this instant (the `nextBefore` of the previous page).',
        }),
        responses: {
          '200': json('A page of notifications.', ref('NotificationPage')),
          ...problems({ 400: 'The query is not valid.' }),
        },
      }),
    },
    '/api/notifications/read-all': {
      post: signedIn({
        operationId: 'markAllNotificationsRead',
        summary: 'Mark every notification read',
        tags: ['notifications'],
        responses: { '200': json('The unread count after (0).', ref('UnreadCount')) },
      }),
    },
    '/api/notifications/{id}/read': {
      post: signedIn({
        operationId: 'markNotificationRead',
        summary: 'Mark one notification read',
        tags: ['notifications'],
        parameters: joiParameters(notificationIdParamsSchema, 'path'),
        responses: {
          '200': json('The unread count after.', ref('UnreadCount')),
          ...problems({
            400: 'The id is not valid.',
            404: 'The signed-in user has no such notification.',
          }),
        },
      }),
    },
    '/api/notifications/settings': {
      get: signedIn({
        operationId: 'notificationSettings',
        summary: 'The language of the user’s mails and the kinds they receive by e-mail',
        tags: ['notifications'],
        responses: { '200': json('The settings.', ref('NotificationSettings')) },
      }),
      patch: signedIn({
        operationId: 'updateNotificationSettings',
        summary: 'Change the language of mails and the kinds received by e-mail',
        description: 'Every notification still appears in the app.',
        tags: ['notifications'],
        requestBody: jsonBody('NotificationSettingsInput'),
        responses: {
          '200': json('The settings after.', ref('NotificationSettings')),
          ...problems({ ...JSON_BODY_FAILURES, 422: 'The body is not valid.' }),
        },
      }),
    },
    '/api/mail/outbox': {
      get: signedIn({
        operationId: 'listOutbox',
        summary: 'The mail outbox (admins)',
        description:
          'Every mail Sevenfold sent or will send, newest first. Without SMTP_URL mails stay here (`kept`) for an administrator to read.',
        tags: ['notifications'],
        parameters: joiParameters(outboxListQuerySchema, 'query', {
          before: 'Only mails created before this instant (the `nextBefore` of the previous page).',
        }),
        responses: {
          '200': json('A page of the outbox.', ref('OutboxPage')),
          ...problems({ 400: 'The query is not valid.', 403: 'Only an admin may read the outbox.' }),
        },
      }),
    },
    '/api/mail/outbox/{id}': {
      get: signedIn({
        operationId: 'getOutboxMail',
        summary: 'One mail of the outbox, with its text, HTML and links (admins)',
        tags: ['notifications'],
        parameters: joiParameters(outboxIdParamsSchema, 'path'),
        responses: {
          '200': json('The mail.', ref('OutboxMailView')),
          ...problems({
            400: 'The id is not valid.',
            403: 'Only an admin may read the outbox.',
            404: 'There is no such mail.',
          }),
        },
      }),
    },
  };
}
