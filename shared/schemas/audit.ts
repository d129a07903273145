import Joi from 'joi';
import { AUDIT_KINDS } from '../admin/auditKinds.js';

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;
/** An audit entry id: its ISO instant, `~`, a random tail. */
const auditId = Joi.string().pattern(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z~[A-Za-z0-9_-]{1,16}$/);

/** `GET /api/cases/:id/access-log` query: a page, continuing before an entry. */
export const caseAuditQuerySchema = Joi.object({
  before: auditId,
  limit: Joi.number().integer().min(1).max(200).default(50),
});

/** `GET /api/audit` query: filters (case, actor, kind, time range) and a page. */
export const auditQuerySchema = caseAuditQuerySchema.keys({
  caseId: Joi.string().pattern(idPattern),
  actorId: Joi.string().pattern(idPattern),
  kind: Joi.string().valid(...AUDIT_KINDS),
  from: Joi.date().iso(),
  to: Joi.date()
    .iso()
    .when('from', { is: Joi.exist(), then: Joi.date().greater(Joi.ref('from')) }),
});
