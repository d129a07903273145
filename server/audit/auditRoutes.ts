import { Router, type RequestHandler } from 'express';
import { auditQuerySchema, caseAuditQuerySchema } from '../../shared/schemas/audit.js';
import { caseIdParamsSchema } from '../../shared/schemas/caseQueries.js';
import type { AuthUser } from '../auth/authUser.js';
import { forbidden } from '../http/httpErrors.js';
import { validate } from '../http/validate.js';
import type { AuditQuery, AuditReader } from './auditReader.js';

/**
 * `GET /api/audit` (the audit screen: admins every entry, an organisation's staff their cases' reads,
 * its lead also the changes to it) and `GET /api/cases/:id/access-log` (who read the case and its
 * files: admins and the officers of the organisation handling it; 404 for who may not see the case,
 * 403 for who may see it but not its log).
 */
export function auditRoutes(deps: {
  audit: AuditReader;
  /** Loads a case the user may see (404 otherwise): the case service. */
  cases: { loadVisible(user: AuthUser, id: string): Promise<{ doc: { orgId: string | null } }> };
  auth: RequestHandler;
}): Router {
  const router = Router();
  router.get('/audit', deps.auth, validate({ query: auditQuerySchema }), async (_req, res) => {
    res.json(await deps.audit.list(res.locals.user as AuthUser, res.locals.query as AuditQuery));
  });
  router.get(
    '/cases/:id/access-log',
    deps.auth,
    validate({ params: caseIdParamsSchema, query: caseAuditQuerySchema }),
    async (_req, res) => {
      const user = res.locals.user as AuthUser;
      const { id } = res.locals.params as { id: string };
      const { doc } = await deps.cases.loadVisible(user, id);
      const handling = user.role === 'officer' && user.orgId !== null && doc.orgId === user.orgId;
      if (user.role !== 'admin' && !handling)
        throw forbidden(
          'Only admins and the organisation handling the case may read its access log.',
          'staffOnly',
        );
      res.json(await deps.audit.ofCase(id, res.locals.query as Pick<AuditQuery, 'before' | 'limit'>));
    },
  );
  return router;
}
