/**
 * Response shapes the client reads, re-exported from `shared/api/` where the server's presenters
 * declare them: none is copied by hand.
 */

export type {
  AvailableActionView,
  CaseEventView,
  CaseSummaryView,
  CaseView,
  ClockView,
  Page,
  RoutingPreviewView,
} from '../../../shared/api/views.js';
export type { EvidenceView } from '../../../shared/api/evidenceView.js';
export type { MessagePage, MessageView } from '../../../shared/api/messageView.js';
export type { CaseStatsView, WeeklyCount } from '../../../shared/api/statsView.js';
export type { CreditEntryView } from '../../../shared/api/creditView.js';
export type { OrgView } from '../../../shared/api/orgView.js';
export type { AccountView, UserView } from '../../../shared/api/userView.js';
export type { AuditEntryView, AuditPage } from '../../../shared/api/auditView.js';
