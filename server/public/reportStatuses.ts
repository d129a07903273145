/** Where a report stands in the office: received, acknowledged (being looked into), handled. */
export const REPORT_STATUSES = ['new', 'acknowledged', 'handled'] as const;
/** A report's status. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];
