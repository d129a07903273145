import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../../../shared/api/supervisionReportView.js';

const COLORS: Record<ReportStatus, string> = { new: 'red', acknowledged: 'yellow', handled: 'teal' };

/** A report's status as a coloured badge. */
export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="report-status">
      {t(`supervision.status.${status}`)}
    </Badge>
  );
}
