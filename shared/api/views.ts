/**
 * The shapes the HTTP API and the realtime layer return (server presenters build them, the client
 * reads them).
 */
import type { ActionField } from '../machine/actions/actionFields.js';
import type { StageTag } from '../machine/stageTags.js';
import type { CaseOutcome, ClockExtension, MediationExtension } from '../machine/caseContext.js';
import type { CaseEventType } from '../machine/caseEvents.js';
import type { ClockStatus } from '../time/clocks.js';
import type { ClockId } from '../time/clockIds.js';
import type { ServiceMeans } from '../machine/serviceRules.js';
import type { DeskQueue } from '../machine/deskQueue.js';
import type { Reason } from '../intake/reason.js';
import type { Complaint } from '../schemas/complaint.js';
import type { CaseStatus, Channel, IpType, Track } from '../vocabulary.js';

/** A running clock of a case. */
export interface ClockView {
  clock: string;
  startedAt: string;
  dueAt: string;
  /** The due date falls where the holiday schedule is not yet published: it may still move. */
  estimated: boolean;
  breached: boolean;
  status: ClockStatus;
  extension?: ClockExtension;
}

/** A channel in the routing recommendation. */
export interface RankedChannelView {
  channel: Channel;
  score: number;
  reasons: Reason[];
}

/** Service on the respondent as a case shows it. */
export interface ServiceView {
  /** How and when the respondent was served; null until then. */
  served: { means: ServiceMeans; servedAt: string } | null;
  /** Clocks of the current step that start only once the respondent is served. */
  awaiting: ClockId[];
  /**
   * Every respondent the complaint names (slot 0 the first, then the others in order): whether an
   * account answers for them, their service, and whether they consented to mediation or signed the
   * draft agreement (each one's own, `shared/machine/respondents.ts`).
   */
  respondents: RespondentView[];
}

/** One respondent of a case as the case page lists it. */
export interface RespondentView {
  slot: number;
  name: string;
  /** An account answers for this respondent (registered or claimed through their invitation). */
  linked: boolean;
  /** The caller is this respondent. */
  you: boolean;
  served: { means: ServiceMeans; servedAt: string } | null;
  consented: boolean;
  signed: boolean;
}

/** A case as its parties and handlers see it. */
export interface CaseView {
  id: string;
  caseNo: string;
  title: string;
  status: CaseStatus;
  stage: string;
  /** The machine's tags of the stage (`shared/machine/stageTags.ts`): what a screen acts on. */
  tags: StageTag[];
  channel: Channel | null;
  track: Track;
  ipType: IpType;
  industry: string | null;
  seq: number;
  orgId: string | null;
  complainant: { id: string; name: string };
  respondent: { id: string | null; name: string };
  mediatorId: string | null;
  arbitratorId: string | null;
  investigatorId: string | null;
  recommendation: { ranked: RankedChannelView[] };
  triage: { track: Track; score: number; reasons: Reason[] };
  flags: {
    duplicate: { caseNo?: string; reason: Reason }[];
    parallel: { caseNo?: string; channel?: Channel; reason: Reason }[];
    paeRisk: { held: boolean; score: number; reasons: Reason[] };
  };
  complaint: Complaint;
  clocks: ClockView[];
  nextDueAt: string | null;
  closureReason: string | null;
  outcome: CaseOutcome | null;
  procedure: {
    held: boolean;
    fastTrack: boolean;
    arbitrationVariant: string | null;
    entrustedMediation: boolean;
    signatures: { complainant: boolean; respondent: boolean };
    agreementTerms: string | null;
    extension: MediationExtension;
    /** Who has applied for judicial confirmation (a joint application; absent before any was recorded). */
    confirmationApplications?: { complainant: boolean; respondent: boolean };
    sessions: { at: string; notes?: string }[];
    transfers: { from: Channel | null; to: Channel; reason: string; at: string }[];
    respondentAnswer: { answer: string; at: string } | null;
    techReport: { summary: string; match: boolean; at: string } | null;
  };
  filedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  /** Service on the respondent, and the periods that wait for it (they run from the date of service). */
  service: ServiceView;
  closedAt: string | null;
}

/** A case in a list (lighter than {@link CaseView}). */
export type CaseSummaryView = Pick<
  CaseView,
  | 'id'
  | 'caseNo'
  | 'title'
  | 'status'
  | 'stage'
  | 'tags'
  | 'channel'
  | 'track'
  | 'ipType'
  | 'industry'
  | 'seq'
  | 'orgId'
  | 'complainant'
  | 'respondent'
  | 'mediatorId'
  | 'clocks'
  | 'nextDueAt'
  | 'closureReason'
  | 'filedAt'
  | 'updatedAt'
  | 'closedAt'
> & {
  /** With `withActions=true`: the actions the caller may take on the case now. */
  actions?: CaseEventType[];
};

/** One entry of a case timeline. */
export interface CaseEventView {
  seq: number;
  type: string;
  kind: 'created' | 'transition' | 'record';
  at: string;
  actor: { id: string; role: string };
  data: Record<string, unknown>;
  status: string;
  stage: string;
  /** The machine's tags of the stage the event left the case in (e.g. `hearing`: its sessions are hearings). */
  tags: StageTag[];
  hash: string;
  prevHash: string;
}

/** A list page. */
export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}

/** `GET /api/cases/:id/integrity`: whether the case's event log still verifies. */
export interface CaseIntegrityView {
  /** Every event's hash matches its content and links to the one before, and the case agrees. */
  intact: boolean;
  /** How many events were checked. */
  events: number;
  /** The first event found broken (its seq), or null. */
  brokenAtSeq: number | null;
  /** What is wrong there: content changed, link to the previous event broken, an event missing. */
  problem: 'content' | 'link' | 'missing' | null;
}

/** `GET /api/cases/counts`: the open cases the caller may see, by status. */
export interface CaseCountsView {
  byStatus: Record<Exclude<CaseStatus, 'closed'>, number>;
  /** The intake desk's queues (`deskQueueOf`). */
  byQueue: Record<DeskQueue, number>;
  open: number;
}

/** `GET /api/cases/desk`: the desk's home in one answer, its queue counts and a page of one queue. */
export interface DeskView {
  counts: CaseCountsView;
  /** The queue's cases, oldest filing first (first come, first served). */
  cases: Page<CaseSummaryView>;
}

/** `POST /api/routing/preview`: how a complaint would be triaged and routed, saving nothing. */
export type RoutingPreviewView = Pick<CaseView, 'track' | 'triage' | 'recommendation' | 'flags'>;

/** An action the caller may take now, with the payload fields it needs (`GET /api/cases/:id/actions`). */
export interface AvailableActionView {
  type: CaseEventType;
  fields: readonly ActionField[];
}
