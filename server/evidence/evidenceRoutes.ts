import { pipeline } from 'node:stream/promises';
import { Router, type RequestHandler } from 'express';
import { caseIdParamsSchema } from '../../shared/schemas/caseQueries.js';
import { evidenceParamsSchema } from '../../shared/schemas/evidence.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { AuthUser } from '../auth/authUser.js';
import { rangeNotSatisfiable } from '../http/httpErrors.js';
import { validate } from '../http/validate.js';
import { attachmentDisposition } from './contentDisposition.js';
import type { EvidenceService } from './evidenceService.js';

/** `/api/cases/:id/evidence`: multipart upload, list and verified download. */
export function evidenceRoutes(deps: {
  evidence: EvidenceService;
  auth: RequestHandler;
  /** Records who downloaded which file. */
  audit: AuditLog;
}): Router {
  const router = Router();
  const { evidence, auth } = deps;
  const user = (res: { locals: Record<string, unknown> }) => res.locals.user as AuthUser;

  router.post('/:id/evidence', auth, validate({ params: caseIdParamsSchema }), async (req, res) => {
    const { id } = res.locals.params as { id: string };
    const view = await evidence.upload(user(res), id, req);
    res.status(201).location(`/api/cases/${id}/evidence/${view.id}/download`).json(view);
  });

  router.get('/:id/evidence', auth, validate({ params: caseIdParamsSchema }), async (_req, res) => {
    const { id } = res.locals.params as { id: string };
    res.json({ items: await evidence.list(user(res), id) });
  });

  router.get(
    '/:id/evidence/:evidenceId/download',
    auth,
    validate({ params: evidenceParamsSchema }),
    async (req, res) => {
      const { id, evidenceId } = res.locals.params as { id: string; evidenceId: string };
      const file = await evidence.download(user(res), id, evidenceId);
      deps.audit.access(user(res), 'evidence.download', id, {
        type: 'evidence',
        id: evidenceId,
        label: file.name,
      });
      // one byte range (a video player seeking), else the whole file; several ranges are served whole
      const ranges = req.headers.range ? req.range(file.size, { combine: true }) : undefined;
      if (ranges === -1) {
        res.setHeader('Content-Range', `bytes */${file.size}`);
        throw rangeNotSatisfiable(`The file has ${file.size} bytes: the requested range lies outside it.`);
      }
      const part = Array.isArray(ranges) && ranges.length === 1 ? ranges[0] : undefined;
      // set directly: Express would append a charset to text types, which the file may not be in
      res.status(part ? 206 : 200);
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Accept-Ranges', 'bytes');
      res.setHeader('Content-Length', String(part ? part.end - part.start + 1 : file.size));
      if (part) res.setHeader('Content-Range', `bytes ${part.start}-${part.end}/${file.size}`);
      res.setHeader('Content-Disposition', attachmentDisposition(file.name));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
      res.setHeader('Cache-Control', 'private, no-store');
      try {
        await pipeline(part ? file.openRange(part.start, part.end) : file.open(), res);
      } catch (err) {
        // headers are sent: the response is cut off (the service logged an integrity failure)
        res.locals.log.warn(
          { err, reqId: res.locals.requestId, caseId: id, evidenceId },
          'evidence download interrupted',
        );
        res.destroy();
      }
    },
  );

  return router;
}
