import { Router, type RequestHandler } from 'express';
import Joi from 'joi';
import { caseIdParamsSchema } from '../../shared/schemas/caseQueries.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { AuthUser } from '../auth/authUser.js';
import { attachmentDisposition } from '../evidence/contentDisposition.js';
import { validate } from '../http/validate.js';
import type { CalendarService } from './calendarService.js';

const paramsSchema = caseIdParamsSchema.keys({
  seq: Joi.number().integer().min(1).max(1_000_000).required(),
});
const querySchema = Joi.object({ lang: Joi.string().valid('zh-CN', 'en').default('zh-CN') });

/** `GET /api/cases/:id/events/:seq/calendar.ics`: a scheduled session as a calendar invitation. */
export function calendarRoutes(deps: {
  calendar: CalendarService;
  auth: RequestHandler;
  /** Records who downloaded which invitation. */
  audit: AuditLog;
}): Router {
  const router = Router();
  router.get(
    '/:id/events/:seq/calendar.ics',
    deps.auth,
    validate({ params: paramsSchema, query: querySchema }),
    async (_req, res) => {
      const { id, seq } = res.locals.params as { id: string; seq: number };
      const { lang } = res.locals.query as { lang: 'zh-CN' | 'en' };
      const invite = await deps.calendar.sessionInvite(res.locals.user as AuthUser, id, seq, lang);
      deps.audit.access(res.locals.user as AuthUser, 'calendar.download', id, {
        type: 'calendar',
        id: `${id}:${seq}`,
        label: invite.fileName,
      });
      res.status(200);
      res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
      res.setHeader('Content-Disposition', attachmentDisposition(invite.fileName));
      res.send(invite.ics);
    },
  );
  return router;
}
