/** Where a report stands in the office: received, acknowledged (being looked into), handled. */
export const REPORT_STATUSES = ['new', 'acknowledged', 'handled'] as const;
/** A report's status. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A public report as the supervision office sees it (`/api/supervision/reports`). */
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
  status: ReportStatus;
  createdAt: string;
  /** When the office last moved it, and who (null while new). */
  updatedAt: string | null;
  handlerName: string | null;
  /** The office's note when it handled the report. */
  note: string | null;
  /** The case it concerns: its id and number (null when none). */
  caseId: string | null;
  caseNo: string | null;
}

/** A page of the office's queue, newest first. */
export interface SupervisionReportPage {
  items: SupervisionReportView[];
  page: number;
  limit: number;
  total: number;
}
