/**
 * Response shapes the client reads. Case, event, evidence and message views come from `shared/`;
 * the few the server keeps to itself are mirrored here.
 */
import type { ActionField } from '../../../shared/machine/actions/actionFields.js';
import type { CaseEventType } from '../../../shared/machine/caseEvents.js';
import type { RankedChannelView } from '../../../shared/api/views.js';
import type { Reason } from '../../../shared/intake/reason.js';
import type { Track } from '../../../shared/vocabulary.js';

export type { CaseEventView, CaseSummaryView, CaseView, ClockView, Page } from '../../../shared/api/views.js';
export type { EvidenceView } from '../../../shared/api/evidenceView.js';
export type { MessagePage, MessageView } from '../../../shared/api/messageView.js';

/** An action the caller may take now (`GET /api/cases/:id/actions`). */
export interface AvailableAction {
  type: CaseEventType;
  fields: readonly ActionField[];
}

/** `POST /api/routing/preview`. */
export interface RoutingPreview {
  track: Track;
  triage: { track: Track; score: number; reasons: Reason[] };
  recommendation: { ranked: RankedChannelView[] };
  flags: {
    duplicate: { caseNo?: string; reason: Reason }[];
    parallel: { caseNo?: string; reason: Reason }[];
    paeRisk: { held: boolean; score: number; reasons: Reason[] };
  };
}

/** A user in the staff directory (`GET /api/users`). */
export interface DirectoryUser {
  id: string;
  email: string;
  name: string;
  role: string;
  orgId: string | null;
  expertise: string[];
}

/** One week of the stats (`GET /api/stats`). */
export interface WeeklyCount {
  week: string;
  opened: number;
  closed: number;
}

/** Time to resolution of one channel and track. */
export interface ResolutionFigures {
  channel: string;
  track: string;
  resolved: number;
  medianDays: number | null;
  p90Days: number | null;
}

/** `GET /api/stats`. */
export interface CaseStats {
  scope: 'all' | { orgId: string };
  /** The filing period counted. */
  filed: { from: string; to: string | null };
  /** When the figures were counted (the server serves them for a short while). */
  asOf: string;
  byChannel: Record<string, number>;
  byTrack: Record<string, number>;
  byStatus: Record<string, number>;
  resolution: ResolutionFigures[];
  settlementRate: number | null;
  clocksBreached: number;
  openCases: number;
  weekly: WeeklyCount[];
  fastTrack: { medianDaysToDecision: number | null; targetWorkingDays: number; breaches: number };
}

/** An entry of the credit register (`GET /api/credit?name=`). */
export interface CreditEntry {
  name: string;
  rightNumber: string;
  ipType: string;
  decision: string;
  channel: string | null;
  date: string;
  caseNo: string;
}
