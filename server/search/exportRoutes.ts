import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router, type RequestHandler } from 'express';
import Joi from 'joi';
import { caseListQuerySchema } from '../../shared/schemas/caseQueries.js';
import type { AuthUser } from '../auth/authUser.js';
import type { CaseService } from '../cases/caseService.js';
import type { CaseListQuery } from '../../shared/schemas/caseQueries.js';
import { DomainError } from '../errors/domainError.js';
import { validate } from '../http/validate.js';
import { casesCsv, CSV_LANGUAGES } from './casesCsv.js';

/** `GET /api/exports/cases` query: the case list's filters and search, and the header language. */
export const caseExportQuerySchema = caseListQuerySchema.append<CaseListQuery & { lang: string }>({
  lang: Joi.string()
    .valid(...CSV_LANGUAGES)
    .default('zh-CN'),
});

/**
 * `GET /api/exports/cases`: staff (admins, officers) export any filtered case list as CSV (UTF-8
 * with a BOM), streamed from a database cursor; only the cases the caller may see.
 */
export function exportRoutes(deps: { cases: CaseService; auth: RequestHandler }): Router {
  const router = Router();
  router.get('/cases', deps.auth, validate({ query: caseExportQuerySchema }), async (_req, res) => {
    const user = res.locals.user as AuthUser;
    if (user.role !== 'admin' && user.role !== 'officer') {
      throw new DomainError('forbidden', 'Only staff export case lists.', { code: 'staffOnly' });
    }
    const { lang, ...query } = res.locals.query as CaseListQuery & { lang: 'zh-CN' | 'en' };
    const day = new Date().toISOString().slice(0, 10);
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="sevenfold-cases-${day}.csv"`);
    await pipeline(Readable.from(casesCsv(deps.cases.exportList(user, query), lang)), res);
  });
  return router;
}
