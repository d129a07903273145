import { pipeline } from 'node:stream/promises';
import { Router, type RequestHandler } from 'express';
import { caseIdParamsSchema } from '../../shared/schemas/caseQueries.js';
import { documentParamsSchema } from '../../shared/schemas/documents.js';
import type { AuthUser } from '../auth/authUser.js';
import { attachmentDisposition } from '../evidence/contentDisposition.js';
import { validate } from '../http/validate.js';
import type { DocumentService } from './documentService.js';

/**
 * `/api/cases/:id/documents` (the generated documents: list, verified download, integrity) and
 * `/api/cases/:id/agreement` (the draft agreement's text, its SHA-256 and the signatures).
 */
export function documentRoutes(deps: { documents: DocumentService; auth: RequestHandler }): Router {
  const router = Router();
  const { documents, auth } = deps;
  const user = (res: { locals: Record<string, unknown> }) => res.locals.user as AuthUser;

  router.get('/:id/documents', auth, validate({ params: caseIdParamsSchema }), async (_req, res) => {
    const { id } = res.locals.params as { id: string };
    res.json({ items: await documents.list(user(res), id) });
  });

  router.get('/:id/agreement', auth, validate({ params: caseIdParamsSchema }), async (_req, res) => {
    const { id } = res.locals.params as { id: string };
    res.json(await documents.agreement(user(res), id));
  });

  router.get(
    '/:id/documents/:documentId/integrity',
    auth,
    validate({ params: documentParamsSchema }),
    async (_req, res) => {
      const { id, documentId } = res.locals.params as { id: string; documentId: string };
      res.json(await documents.integrity(user(res), id, documentId));
    },
  );

  router.get(
    '/:id/documents/:documentId/download',
    auth,
    validate({ params: documentParamsSchema }),
    async (req, res) => {
      const { id, documentId } = res.locals.params as { id: string; documentId: string };
      const file = await documents.download(user(res), id, documentId);
      res.status(200);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Length', String(file.size));
      res.setHeader('Content-Disposition', attachmentDisposition(file.name));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.setHeader('Cache-Control', 'private, no-store');
      try {
        await pipeline(file.open(), res);
      } catch (err) {
        req.log.warn({ err, caseId: id, documentId }, 'document download interrupted');
        res.destroy();
      }
    },
  );

  return router;
}
