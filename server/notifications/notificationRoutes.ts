import { Router, type RequestHandler } from 'express';
import {
  notificationIdParamsSchema,
  notificationListQuerySchema,
  notificationSettingsSchema,
} from '../../shared/schemas/notifications.js';
import type { AuthUser } from '../auth/authUser.js';
import { validate } from '../http/validate.js';
import type { NotificationSettingsView } from '../../shared/notifications/notificationView.js';
import type { NotificationService } from './notificationService.js';

/**
 * `/api/notifications`: the signed-in user's notification centre (a page, newest first; mark one or
 * all read) and their settings (language, which kinds by e-mail).
 */
export function notificationRoutes(deps: {
  notifications: NotificationService;
  auth: RequestHandler;
}): Router {
  const router = Router();
  const { notifications, auth } = deps;
  const user = (res: { locals: Record<string, unknown> }) => res.locals.user as AuthUser;

  router.get('/', auth, validate({ query: notificationListQuerySchema }), async (_req, res) => {
    res.json(await notifications.list(user(res), res.locals.query as { before?: Date; limit: number }));
  });

  router.post('/read-all', auth, async (_req, res) => {
    res.json({ unread: await notifications.markAllRead(user(res)) });
  });

  router.get('/settings', auth, async (_req, res) => {
    res.json(await notifications.settings(user(res)));
  });

  router.patch('/settings', auth, validate({ body: notificationSettingsSchema }), async (_req, res) => {
    res.json(
      await notifications.updateSettings(user(res), res.locals.body as Partial<NotificationSettingsView>),
    );
  });

  router.post('/:id/read', auth, validate({ params: notificationIdParamsSchema }), async (_req, res) => {
    const { id } = res.locals.params as { id: string };
    res.json({ unread: await notifications.markRead(user(res), id) });
  });

  return router;
}
