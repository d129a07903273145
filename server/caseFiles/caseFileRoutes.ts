import { pipeline } from 'node:stream/promises';
import { Router, type RequestHandler } from 'express';
import { caseIdParamsSchema } from '../../shared/schemas/caseQueries.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { AuthUser } from '../auth/authUser.js';
import { attachmentDisposition } from '../evidence/contentDisposition.js';
import { validate } from '../http/validate.js';
import type { CaseFileService } from './caseFileService.js';
import { caseFilePdfQuerySchema } from '../../shared/schemas/documents.js';

/**
 * `GET /api/cases/:id/file.zip`: the case file (卷宗) of a case the caller may see, streamed; and
 * `GET /api/cases/:id/file.pdf?lang=`: the same case file as one PDF (cover, timeline, documents,
 * evidence index).
 */
export function caseFileRoutes(deps: {
  caseFiles: CaseFileService;
  auth: RequestHandler;
  /** Records who downloaded which case file. */
  audit: AuditLog;
}): Router {
  const router = Router();
  router.get('/:id/file.zip', deps.auth, validate({ params: caseIdParamsSchema }), async (req, res) => {
    const { id } = res.locals.params as { id: string };
    const file = await deps.caseFiles.export(res.locals.user as AuthUser, id);
    deps.audit.access(res.locals.user as AuthUser, 'caseFile.download', id, {
      type: 'caseFile',
      id,
      label: file.fileName,
    });
    res.status(200);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
    res.setHeader('Cache-Control', 'private, no-store');
    try {
      await pipeline(file.stream, res);
    } catch (err) {
      // headers are sent: the archive is cut off (an evidence file failed its check, or the client left)
      res.locals.log.warn({ err, reqId: res.locals.requestId, caseId: id }, 'case file export interrupted');
      res.destroy();
    }
  });
  router.get(
    '/:id/file.pdf',
    deps.auth,
    validate({ params: caseIdParamsSchema, query: caseFilePdfQuerySchema }),
    async (_req, res) => {
      const { id } = res.locals.params as { id: string };
      const { lang } = res.locals.query as { lang: 'zh-CN' | 'en' };
      const file = await deps.caseFiles.exportPdf(res.locals.user as AuthUser, id, lang);
      res.status(200);
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
      res.setHeader('Cache-Control', 'private, no-store');
      res.send(file.pdf);
    },
  );
  return router;
}
