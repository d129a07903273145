import { Router, type RequestHandler } from 'express';
import { caseIdParamsSchema } from '../../shared/schemas/caseQueries.js';
import { messageListQuerySchema } from '../../shared/schemas/messages.js';
import type { AuthUser } from '../auth/authUser.js';
import { validate } from '../http/validate.js';
import type { MessageListQuery, MessageService } from './messageService.js';

/** `/api/cases/:id/messages`: post (joint or caucus) and list what the caller may read. */
export function messageRoutes(deps: { messages: MessageService; auth: RequestHandler }): Router {
  const router = Router();
  const { messages, auth } = deps;
  const user = (res: { locals: Record<string, unknown> }) => res.locals.user as AuthUser;

  // the body is validated (and trimmed) by the service with `messageSchema`, as for Socket.IO
  router.post('/:id/messages', auth, validate({ params: caseIdParamsSchema }), async (req, res) => {
    const { id } = res.locals.params as { id: string };
    res.status(201).json(await messages.post(user(res), id, req.body ?? {}));
  });

  router.get(
    '/:id/messages',
    auth,
    validate({ params: caseIdParamsSchema, query: messageListQuerySchema }),
    async (_req, res) => {
      const { id } = res.locals.params as { id: string };
      res.json(await messages.list(user(res), id, res.locals.query as MessageListQuery));
    },
  );

  return router;
}
