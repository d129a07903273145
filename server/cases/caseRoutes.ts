import type { RoutingPreviewView } from '../../shared/api/views.js';
import type { AuditLog } from '../audit/auditLog.js';
import { Router, type RequestHandler } from 'express';
import Joi from 'joi';
import { validateAction } from '../../shared/machine/actions/actionSchemas.js';
import {
  caseEventsQuerySchema,
  caseIdParamsSchema,
  caseListQuerySchema,
  deskQuerySchema,
  type DeskQuery,
} from '../../shared/schemas/caseQueries.js';
import { complaintSchema, type Complaint } from '../../shared/schemas/complaint.js';
import type { AuthUser } from '../auth/authUser.js';
import { canSeeCase } from './casePolicy.js';
import { invalidInput } from '../errors/invalidInput.js';
import { validate } from '../http/validate.js';
import type { CaseService } from './caseService.js';
import type { CaseListQuery } from '../../shared/schemas/caseQueries.js';
import { newCaseId } from './caseStore.js';
import { presentIntakeFlags, seesIntakeDetails } from './flagsPresenter.js';
import type { IdempotencyKeys } from './idempotencyKeys.js';

const idempotencyKeySchema = Joi.string()
  .pattern(/^[A-Za-z0-9_.:-]{1,100}$/)
  .messages({ 'string.pattern.base': 'Idempotency-Key must be 1–100 letters, digits or _ . : -' });

/** Validates an action body against the schema of its type; 422 with every field error. */
const validateActionBody: RequestHandler = (req, res, next) => {
  const result = validateAction(req.body ?? {});
  if (result.error) throw invalidInput(result.error, 'action');
  res.locals.body = result.value;
  next();
};

/** `/api/cases`: filing (with `Idempotency-Key`), lists, detail, timeline and actions. */
export function caseRoutes(deps: {
  cases: CaseService;
  idempotency: IdempotencyKeys;
  auth: RequestHandler;
  /** Records who opened which case. */
  audit: AuditLog;
}): Router {
  const router = Router();
  const { cases, idempotency, auth } = deps;
  const user = (res: { locals: Record<string, unknown> }) => res.locals.user as AuthUser;

  router.post('/', auth, validate({ body: complaintSchema }), async (req, res) => {
    const complaint = res.locals.body as Complaint;
    const header = req.get('Idempotency-Key');
    if (header === undefined) {
      res.status(201).json(await cases.file(user(res), complaint));
      return;
    }
    const { error, value: key } = idempotencyKeySchema.validate(header);
    if (error) throw invalidInput(error, 'Idempotency-Key header', 400);
    const start = await idempotency.begin(user(res).id, key as string, complaint, newCaseId);
    if (start.state === 'replay') {
      res.status(start.status).set('Idempotent-Replayed', 'true').json(start.response);
      return;
    }
    try {
      // the case id comes with the key: a retry after a crash finds the case its first attempt created
      const created = await cases.file(user(res), complaint, start.resourceId);
      await idempotency.finish(start.id, 201, created);
      res.status(201).json(created);
    } catch (err) {
      // the case may exist already (the failure came after its first event): the key keeps its id
      await idempotency.release(start.id).catch(() => undefined);
      throw err;
    }
  });

  router.get('/', auth, validate({ query: caseListQuerySchema }), async (_req, res) => {
    res.json(await cases.list(user(res), res.locals.query as CaseListQuery));
  });

  router.get('/counts', auth, async (_req, res) => {
    res.json(await cases.counts(user(res)));
  });

  router.get('/desk', auth, validate({ query: deskQuerySchema }), async (_req, res) => {
    res.json(await cases.desk(user(res), res.locals.query as DeskQuery));
  });

  router.get('/:id', auth, validate({ params: caseIdParamsSchema }), async (_req, res) => {
    const { id } = res.locals.params as { id: string };
    const view = await cases.get(user(res), id);
    deps.audit.access(user(res), 'case.view', id, { type: 'case', id, label: view.caseNo });
    res.json(view);
  });

  router.get(
    '/:id/events',
    auth,
    validate({ params: caseIdParamsSchema, query: caseEventsQuerySchema }),
    async (_req, res) => {
      const { id } = res.locals.params as { id: string };
      const { after, limit } = res.locals.query as { after: number; limit: number };
      res.json({ items: await cases.events(user(res), id, after, limit) });
    },
  );

  router.get('/:id/integrity', auth, validate({ params: caseIdParamsSchema }), async (_req, res) => {
    const { id } = res.locals.params as { id: string };
    res.json(await cases.integrity(user(res), id));
  });

  router.get('/:id/actions', auth, validate({ params: caseIdParamsSchema }), async (_req, res) => {
    const { id } = res.locals.params as { id: string };
    res.json({ items: await cases.actions(user(res), id) });
  });

  router.post(
    '/:id/actions',
    auth,
    validate({ params: caseIdParamsSchema }),
    validateActionBody,
    async (_req, res) => {
      const { id } = res.locals.params as { id: string };
      res.json(await cases.actOnCase(user(res), id, res.locals.body));
    },
  );

  return router;
}

/** `POST /api/routing/preview`: intake checks, triage and routing of a complaint, saving nothing. */
export function routingRoutes(deps: { cases: CaseService; auth: RequestHandler }): Router {
  const router = Router();
  router.post('/preview', deps.auth, validate({ body: complaintSchema }), async (_req, res) => {
    const caller = res.locals.user as AuthUser;
    const assessment = await deps.cases.preview(caller, res.locals.body as Complaint);
    // a case the caller may not see is never named (only counted, in neutral words)
    const compared = new Map(assessment.comparedCases.map((c) => [c._id, c]));
    const visible = (caseId: string) => {
      const c = compared.get(caseId);
      return c !== undefined && canSeeCase(caller, c);
    };
    const preview: RoutingPreviewView = {
      track: assessment.triage.track,
      triage: assessment.triage,
      recommendation: assessment.recommendation,
      flags: presentIntakeFlags(assessment.flags, seesIntakeDetails(caller.role), visible),
    };
    res.json(preview);
  });
  return router;
}
