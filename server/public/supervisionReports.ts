import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { AuditLog } from '../audit/auditLog.js';
import { runAudited } from '../audit/runAudited.js';
import type { AuthUser } from '../auth/authUser.js';
import { canSeeCase } from '../cases/casePolicy.js';
import { caseAccessByNo, caseNoOf as caseNumberOf } from '../cases/caseLookups.js';
import { DomainError } from '../errors/domainError.js';
import type { ReportAction, ReportInput } from './publicQuery.js';
import type {
  ReportStatus,
  SupervisionReportPage,
  SupervisionReportView,
} from '../../shared/api/supervisionReportView.js';
import { supervisionReportModel, type SupervisionReportDoc } from './supervisionReportModel.js';

/** The report as the office sees it. */
export function presentReport(r: SupervisionReportDoc, caseNo: string | null = null): SupervisionReportView {
  return {
    id: r._id,
    anonymous: r.anonymous,
    reporterName: r.reporterName,
    contact: r.contact,
    subject: r.subject,
    place: r.place,
    location: r.location,
    ipType: r.ipType,
    description: r.description,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt ? r.updatedAt.toISOString() : null,
    handlerName: r.handlerName ?? null,
    note: r.note ?? null,
    caseId: r.caseId ?? null,
    caseNo: r.caseId ? caseNo : null,
  };
}

/** Reports from the public to the social-supervision office. */
export interface SupervisionReports {
  /** Stores a validated report in the office's queue; returns its reference. */
  submit(input: ReportInput): Promise<{ id: string }>;
  /** The queue, newest first (admins and officers of a social-supervision organisation). */
  list(
    user: AuthUser,
    query: { page: number; limit: number; status?: ReportStatus },
  ): Promise<SupervisionReportPage>;
  /** One report (404 when there is none). */
  get(user: AuthUser, id: string): Promise<SupervisionReportView>;
  /**
   * Acknowledges a new report, or marks a new or acknowledged one handled with a note and the case it
   * concerns (by its number; one the user may see). Audited in the same transaction; 409 when the
   * report is no longer where the action starts from.
   */
  act(user: AuthUser, id: string, action: ReportAction): Promise<SupervisionReportView>;
}

/** The statuses each action starts from, and where it leads. */
const MOVES: Record<ReportAction['type'], { from: ReportStatus[]; to: ReportStatus }> = {
  acknowledge: { from: ['new'], to: 'acknowledged' },
  handle: { from: ['new', 'acknowledged'], to: 'handled' },
};

/** Refuses anyone but admins and officers of a social-supervision organisation. */
function checkOffice(user: AuthUser): void {
  const office = user.role === 'officer' && user.orgType === 'socialSupervision';
  if (user.role !== 'admin' && !office) {
    throw new DomainError('forbidden', 'Only the supervision office sees public reports.', {
      code: 'staffOnly',
    });
  }
}

/** Builds the report queue. */
export function createSupervisionReports(
  db: Connection,
  now: () => Date,
  audit: AuditLog,
): SupervisionReports {
  const Reports = supervisionReportModel(db);

  /** The report by id (404 when none). */
  async function load(id: string): Promise<SupervisionReportDoc> {
    const report = await Reports.findById(id).lean<SupervisionReportDoc>();
    if (!report) throw new DomainError('notFound', 'There is no such report.', { code: 'reportNotFound' });
    return report;
  }

  /** The number of a report's case (one read by id). */
  async function caseNoOf(caseId: string | null | undefined): Promise<string | null> {
    if (!caseId) return null;
    return caseNumberOf(db, caseId);
  }

  return {
    async submit(input) {
      const id = randomUUID();
      await Reports.create({
        _id: id,
        anonymous: input.anonymous,
        reporterName: input.anonymous ? null : (input.reporterName ?? null),
        contact: input.anonymous ? null : (input.contact ?? null),
        subject: input.subject,
        place: input.place,
        location: input.location,
        ipType: input.ipType,
        description: input.description,
        status: 'new',
        createdAt: now(),
      });
      return { id };
    },
    async list(user, { page, limit, status }) {
      checkOffice(user);
      // a range on the {createdAt} index (or {status, createdAt}): the queue walks it, newest first
      const all = status ? { status, createdAt: { $gt: new Date(0) } } : { createdAt: { $gt: new Date(0) } };
      const [rows, total] = await Promise.all([
        Reports.find(all)
          .sort({ createdAt: -1, _id: 1 })
          .skip((page - 1) * limit)
          .limit(limit)
          .lean<SupervisionReportDoc[]>(),
        Reports.countDocuments(all),
      ]);
      return { items: rows.map((r) => presentReport(r)), page, limit, total };
    },

    async get(user, id) {
      checkOffice(user);
      const report = await load(id);
      return presentReport(report, await caseNoOf(report.caseId));
    },

    async act(user, id, action) {
      checkOffice(user);
      const before = await load(id);
      const move = MOVES[action.type];
      const notNow = () =>
        new DomainError('conflict', 'The report is no longer where this action starts from.', {
          code: 'reportNotNow',
        });
      if (!move.from.includes(before.status)) throw notNow();
      let caseId: string | null = before.caseId ?? null;
      let caseNo: string | null = null;
      if (action.type === 'handle' && action.caseNo) {
        const found = await caseAccessByNo(db, action.caseNo);
        // a case the user may not see is answered as one that does not exist
        if (!found || !canSeeCase(user, { ...found, participantIds: found.participantIds ?? [] }))
          throw new DomainError('invalid', 'There is no case with this number that you may see.', {
            code: 'reportCaseUnknown',
          });
        caseId = found._id;
        caseNo = found.caseNo;
      }
      const at = now();
      const set = {
        status: move.to,
        updatedAt: at,
        handlerName: user.name,
        ...(action.type === 'handle' ? { note: action.note, caseId } : {}),
      };
      await runAudited(db, async (session) => {
        // by the primary key, and only from the status read: the fields change only when the report is
        // still there, so a second officer's action on the same report meanwhile is refused
        const still = { $eq: ['$status', before.status] };
        const guarded = Object.fromEntries(
          Object.entries(set).map(([field, value]) => [
            field,
            { $cond: [still, { $literal: value }, `$${field}`] },
          ]),
        );
        const was = await Reports.collection.findOneAndUpdate({ _id: id } as never, [{ $set: guarded }], {
          session,
          returnDocument: 'before',
        });
        if (!was || was.status !== before.status) throw notNow();
        await audit.change(session, user, {
          kind: action.type === 'handle' ? 'report.handle' : 'report.acknowledge',
          orgId: user.orgId,
          target: { type: 'report', id, label: before.subject },
          before: { status: before.status },
          after: {
            status: move.to,
            ...(action.type === 'handle' ? { note: action.note, ...(caseNo ? { caseNo } : {}) } : {}),
          },
        });
      });
      return presentReport({ ...before, ...set }, caseNo ?? (await caseNoOf(caseId)));
    },
  };
}
