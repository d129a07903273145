import { normalizePartyName } from '../../shared/intake/intakeChecks.js';
import type { CaseContext, CaseInput } from '../../shared/machine/caseContext.js';
import { deskQueueOf } from '../../shared/machine/deskQueue.js';
import { CASE_MACHINE_VERSION } from '../../shared/machine/machine.js';
import {
  activeClocks,
  caseStage,
  caseStatus,
  persistCaseSnapshot,
  type CaseSnapshot,
} from '../../shared/machine/machineApi.js';
import { respondentIds } from '../../shared/machine/respondents.js';
import type { Complaint } from '../../shared/schemas/complaint.js';
import type { ClockId } from '../../shared/time/clockIds.js';
import type { CaseDoc, ProjectedClock } from './caseModel.js';
import { dueAtOf } from './dueAtOf.js';

/** What a case is filed with: the data of its first event (`FILED`), from which replay starts. */
export interface CaseFiling {
  input: CaseInput;
  caseNo: string;
  complaint: Complaint;
  complainantName: string;
  triage: Record<string, unknown>;
  recommendation: Record<string, unknown>;
  flags: Record<string, unknown>;
}

/** The state a fold over a case's events carries: the machine snapshot plus record-event facts. */
export interface CaseFoldState {
  filing: CaseFiling;
  snapshot: CaseSnapshot;
  orgId: string | null;
  /** Organisations that joined the case besides its holder (a court confirming an agreement). */
  joinedOrgIds: string[];
  seq: number;
  lastHash: string;
  filedAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
}

/** The clocks running in a snapshot, with their due dates. */
export function projectClocks(context: CaseContext, snapshot: CaseSnapshot): ProjectedClock[] {
  return activeClocks(snapshot).map(({ clock, startedAt, extension }) => ({
    clock,
    startedAt: new Date(startedAt),
    dueAt: dueAtOf(clock as ClockId, startedAt, extension).dueAt,
    breached: Boolean(context.clocks[clock as ClockId]?.breachedAt),
  }));
}

/**
 * The keys by which lists find the cases a user may see, one multikey field so that the visibility
 * filter is a single equality an index serves: `u:<userId>` for parties and assignees, `o:<orgId>` for
 * the holding organisation and those that joined (see `viewerKeyOf` in the case policy).
 */
export function caseViewerKeys(
  participantIds: string[],
  orgId: string | null,
  joinedOrgIds: string[],
): string[] {
  const orgs = [...new Set([orgId, ...joinedOrgIds].filter((id): id is string => Boolean(id)))];
  return [...participantIds.map((id) => `u:${id}`), ...orgs.map((id) => `o:${id}`)];
}

/** Computes the `cases` document for a fold state (pure). */
export function projectCase(state: CaseFoldState): CaseDoc {
  const { filing, snapshot } = state;
  const context = snapshot.context as CaseContext;
  const clocks = projectClocks(context, snapshot);
  const running = clocks.filter((c) => !c.breached).map((c) => c.dueAt.getTime());
  const status = caseStatus(snapshot);
  const isOpen = status !== 'closed';
  // overdue means a running clock past due or one already breached: the earliest of either
  const attention = clocks.map((c) => c.dueAt.getTime());
  const coRespondentIds = respondentIds(context).filter((id) => id !== context.respondentId);
  const participants = [
    context.complainantId,
    context.respondentId,
    ...coRespondentIds,
    context.mediatorId,
    context.arbitratorId,
    context.investigatorId,
  ].filter((id): id is string => typeof id === 'string' && id.length > 0);
  return {
    _id: context.caseId,
    caseNo: filing.caseNo,
    title: filing.complaint.title,
    ipType: context.ipType,
    industry: filing.complaint.industry ?? null,
    track: context.track,
    channel: context.channel,
    status,
    stage: caseStage(snapshot),
    seq: state.seq,
    lastHash: state.lastHash,
    machineVersion: CASE_MACHINE_VERSION,
    // as it is stored: keys holding undefined are dropped (a JSON value through and through)
    snapshot: JSON.parse(JSON.stringify(persistCaseSnapshot(snapshot))) as Record<string, unknown>,
    complaint: filing.complaint,
    recommendation: filing.recommendation,
    triage: filing.triage,
    flags: filing.flags,
    complainantId: context.complainantId,
    complainantName: filing.complainantName,
    respondentId: context.respondentId,
    coRespondentIds,
    respondentName: filing.complaint.respondent.name,
    respondentKey: normalizePartyName(filing.complaint.respondent.name),
    rightNumbers: filing.complaint.rights.map((r) => r.number),
    mediatorId: context.mediatorId,
    arbitratorId: context.arbitratorId,
    investigatorId: context.investigatorId,
    orgId: state.orgId,
    joinedOrgIds: state.joinedOrgIds,
    participantIds: [...new Set(participants)],
    viewerKeys: caseViewerKeys([...new Set(participants)], state.orgId, state.joinedOrgIds),
    assigneeIds: [context.mediatorId, context.arbitratorId, context.investigatorId].filter(
      (id): id is string => typeof id === 'string' && id.length > 0,
    ),
    open: isOpen,
    deskQueue: deskQueueOf(status, caseStage(snapshot)),
    attentionAt: isOpen && attention.length ? new Date(Math.min(...attention)) : null,
    clocks,
    nextDueAt: running.length ? new Date(Math.min(...running)) : null,
    closureReason: context.closureReason,
    outcome: context.outcome as unknown as Record<string, unknown> | null,
    filedAt: state.filedAt,
    updatedAt: state.updatedAt,
    resolvedAt: state.resolvedAt,
    closedAt: state.closedAt,
  };
}
