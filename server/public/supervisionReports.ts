import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { AuthUser } from '../auth/authUser.js';
import { DomainError } from '../errors/domainError.js';
import type { ReportInput } from './publicQuery.js';
import { supervisionReportModel, type SupervisionReportDoc } from './supervisionReportModel.js';

/** A report as the supervision office sees it. */
export interface SupervisionReportView {
  id: string;
  anonymous: boolean;
  reporterName: string | null;
  contact: string | null;
  subject: string;
  place: string;
  location: string;
  ipType: string;
  description: string;
  status: string;
  createdAt: string;
}

/** The report as the office sees it. */
export function presentReport(r: SupervisionReportDoc): SupervisionReportView {
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
  };
}

/** Reports from the public to the social-supervision office. */
export interface SupervisionReports {
  /** Stores a validated report in the office's queue; returns its reference. */
  submit(input: ReportInput): Promise<{ id: string }>;
  /** The queue, newest first (admins and officers of a social-supervision organisation). */
  list(
    user: AuthUser,
    page: number,
    limit: number,
  ): Promise<{ items: SupervisionReportView[]; page: number; limit: number; total: number }>;
}

/** Builds the report queue. */
export function createSupervisionReports(db: Connection, now: () => Date): SupervisionReports {
  const Reports = supervisionReportModel(db);
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
    async list(user, page, limit) {
      const office = user.role === 'officer' && user.orgType === 'socialSupervision';
      if (user.role !== 'admin' && !office) {
        throw new DomainError('forbidden', 'Only the supervision office sees public reports.', {
          code: 'staffOnly',
        });
      }
      // a range on the {createdAt} index: the office's queue walks it, newest first
      const all = { createdAt: { $gt: new Date(0) } };
      const [rows, total] = await Promise.all([
        Reports.find(all)
          .sort({ createdAt: -1, _id: 1 })
          .skip((page - 1) * limit)
          .limit(limit)
          .lean<SupervisionReportDoc[]>(),
        Reports.countDocuments(all),
      ]);
      return { items: rows.map(presentReport), page, limit, total };
    },
  };
}
