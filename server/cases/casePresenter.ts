import type { CaseSummaryView, CaseView, ClockView, RespondentView } from '../../shared/api/views.js';
import type { IntakeFlags } from '../../shared/intake/intakeChecks.js';
import type { CaseContext } from '../../shared/machine/caseContext.js';
import { respondentIdAt, serviceAt } from '../../shared/machine/respondents.js';
import { STAGE_TAGS, stageHasTag } from '../../shared/machine/stageTags.js';
import { isEstimatedDate } from '../../shared/time/calendar.js';
import type { ClockId } from '../../shared/time/clockIds.js';
import { clockStatus } from '../../shared/time/clocks.js';
import type { AuthUser } from '../auth/authUser.js';
import type { CaseDoc } from './caseModel.js';
import { presentIntakeFlags, seesIntakeDetails } from './flagsPresenter.js';

const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

/** The clocks of a case with their status at `now`. */
export function presentClocks(doc: Pick<CaseDoc, 'clocks'>, now: Date): ClockView[] {
  return doc.clocks.map((c) => ({
    clock: c.clock,
    startedAt: new Date(c.startedAt).toISOString(),
    dueAt: new Date(c.dueAt).toISOString(),
    // a due date where the holiday schedule is not yet published may still move
    estimated: isEstimatedDate(new Date(c.dueAt)),
    breached: c.breached,
    status: c.breached
      ? 'breached'
      : clockStatus(new Date(c.startedAt).toISOString(), new Date(c.dueAt).toISOString(), now.toISOString())
          .status,
  }));
}

/** Every respondent the complaint names, with their account, service, consent and signature. */
export function presentRespondents(doc: CaseDoc, context: CaseContext, user: AuthUser): RespondentView[] {
  const named = [doc.complaint.respondent, ...(doc.complaint.otherRespondents ?? [])];
  const consents = context.respondentConsents ?? [];
  const signatures = context.respondentSignatures ?? [];
  return named.map((r, slot) => {
    const id = respondentIdAt(context, slot);
    const service = serviceAt(context, slot);
    return {
      slot,
      name: r.name,
      linked: id !== null,
      you: id !== null && id === user.id,
      served: service ? { means: service.means, servedAt: service.servedAt } : null,
      consented: id !== null && consents.includes(id),
      signed: id !== null && (signatures.includes(id) || context.signatures.respondent),
    };
  });
}

/** A case for lists. */
export function presentCaseSummary(doc: CaseDoc, now: Date): CaseSummaryView {
  return {
    id: doc._id,
    caseNo: doc.caseNo,
    title: doc.title,
    status: doc.status as CaseView['status'],
    stage: doc.stage,
    tags: STAGE_TAGS.filter((tag) => stageHasTag(doc.stage, tag)),
    channel: doc.channel as CaseView['channel'],
    track: doc.track as CaseView['track'],
    ipType: doc.ipType as CaseView['ipType'],
    industry: doc.industry,
    seq: doc.seq,
    orgId: doc.orgId,
    complainant: { id: doc.complainantId, name: doc.complainantName },
    respondent: { id: doc.respondentId, name: doc.respondentName },
    mediatorId: doc.mediatorId,
    clocks: presentClocks(doc, now),
    nextDueAt: iso(doc.nextDueAt),
    closureReason: doc.closureReason,
    filedAt: iso(doc.filedAt) as string,
    updatedAt: iso(doc.updatedAt) as string,
    closedAt: iso(doc.closedAt),
  };
}

/** A case as the caller may see it: no snapshot, hashes, participant lists or other internals. */
export function presentCase(
  doc: CaseDoc,
  user: AuthUser,
  now: Date,
  /** Which of the cases its intake flags name the user may see (default: all, for an admin). */
  visible: (caseId: string) => boolean = () => true,
): CaseView {
  const context = (doc.snapshot as { context: CaseContext }).context;
  return {
    ...presentCaseSummary(doc, now),
    arbitratorId: doc.arbitratorId,
    investigatorId: doc.investigatorId,
    recommendation: doc.recommendation as unknown as CaseView['recommendation'],
    triage: doc.triage as unknown as CaseView['triage'],
    flags: presentIntakeFlags(doc.flags as unknown as IntakeFlags, seesIntakeDetails(user.role), visible),
    complaint: doc.complaint,
    outcome: doc.outcome as unknown as CaseView['outcome'],
    procedure: {
      held: context.held,
      fastTrack: context.fastTrack,
      arbitrationVariant: context.arbitrationVariant,
      entrustedMediation: context.entrustedMediation,
      signatures: context.signatures,
      agreementTerms: context.agreementTerms,
      extension: context.extension,
      ...(context.confirmationApplications
        ? { confirmationApplications: context.confirmationApplications }
        : {}),
      sessions: context.sessions,
      transfers: context.transfers,
      respondentAnswer: context.respondentAnswer,
      techReport: context.techReport,
    },
    resolvedAt: iso(doc.resolvedAt),
    service: {
      served: context.service ? { means: context.service.means, servedAt: context.service.servedAt } : null,
      awaiting: Object.keys(context.awaitingService ?? {}) as ClockId[],
      respondents: presentRespondents(doc, context, user),
    },
  };
}
