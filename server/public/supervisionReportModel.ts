import { REPORT_STATUSES, type ReportStatus } from '../../shared/api/supervisionReportView.js';
import { Schema, type Connection, type Model } from 'mongoose';

/** Where the reported infringement happens. */
export const REPORT_PLACES = ['online', 'offline', 'export'] as const;

/**
 * A report from the public to the social-supervision office: anonymous, or with a name and a way to
 * reach the reporter. `status` is `new` until the office acknowledges it, then `handled` with the
 * office's note (and the case it concerns, if any).
 */
export interface SupervisionReportDoc {
  _id: string;
  anonymous: boolean;
  reporterName: string | null;
  contact: string | null;
  /** Who infringes (a shop, a seller, a company). */
  subject: string;
  place: (typeof REPORT_PLACES)[number];
  /** Where exactly: an address or a listing URL. */
  location: string;
  ipType: string;
  description: string;
  status: ReportStatus;
  createdAt: Date;
  /** When the status last changed, and by whom (null while new). */
  updatedAt?: Date | null;
  handlerName?: string | null;
  /** The office's note when it handled the report. */
  note?: string | null;
  /** The case the report concerns (a complaint filed from it, or one already on the platform). */
  caseId?: string | null;
}

const schema = new Schema<SupervisionReportDoc>(
  {
    _id: { type: String, required: true },
    anonymous: { type: Boolean, required: true },
    reporterName: { type: String, default: null },
    contact: { type: String, default: null },
    subject: { type: String, required: true },
    place: { type: String, enum: REPORT_PLACES, required: true },
    location: { type: String, required: true },
    ipType: { type: String, required: true },
    description: { type: String, required: true },
    status: { type: String, enum: REPORT_STATUSES, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, default: null },
    handlerName: { type: String, default: null },
    note: { type: String, default: null },
    caseId: { type: String, default: null },
  },
  { versionKey: false, collection: 'supervision_reports' },
);
// the office's queue: newest first; and one status's, newest first
schema.index({ createdAt: -1, _id: 1 });
schema.index({ status: 1, createdAt: -1, _id: 1 });

/** The `supervision_reports` model on a connection. */
export function supervisionReportModel(conn: Connection): Model<SupervisionReportDoc> {
  return (
    (conn.models.SupervisionReport as Model<SupervisionReportDoc> | undefined) ??
    conn.model<SupervisionReportDoc>('SupervisionReport', schema)
  );
}
