import type { Actor } from '../../shared/machine/caseEvents.js';
import { intakeChecks, type IntakeFlags } from '../../shared/intake/intakeChecks.js';
import { routeComplaint, topChannel, type RoutingResult } from '../../shared/intake/routing.js';
import { triage, type CreditRecord, type TriageResult } from '../../shared/intake/triage.js';
import type { Complaint } from '../../shared/schemas/complaint.js';
import type { CaseAccess } from './casePolicy.js';
import type { CaseStatus, Channel } from '../../shared/vocabulary.js';
import type { CaseDoc } from './caseModel.js';
import type { CaseStore } from './caseStore.js';

/** An open case intake compared the complaint with, with the fields access decisions read. */
export type ComparedCase = CaseAccess & { _id: string };

/** Everything intake works out about a complaint before (or without) saving it. */
export interface IntakeAssessment {
  triage: TriageResult;
  recommendation: RoutingResult;
  flags: IntakeFlags;
  creditRecord: CreditRecord;
  /** The open cases on the same rights (the flags name some of them): who may see each is decided on these. */
  comparedCases: ComparedCase[];
}

const PAE_LOOKBACK_MS = 90 * 24 * 3600 * 1000;

/**
 * What intake reads from other features: the credit register (`server/credit/`) and the accounts
 * (`server/users/`). Built by `intakeSources` in the composition root.
 */
export interface IntakeSources {
  /** The respondent's entries in the credit register, by name. */
  creditRecordOf(respondentName: string): Promise<CreditRecord>;
  /** The id of the active respondent account with this (lower-case) e-mail, if there is one. */
  respondentAccountId(email: string): Promise<string | undefined>;
}

/** How many open cases intake compares a complaint with, at most. */
const COMPARED_CASES = 200;

/**
 * Open cases on any of these rights (at most {@link COMPARED_CASES}), each right looked up by its index
 * of the open cases: the closed ones, however many, are not read.
 */
async function openCasesOnRights(store: CaseStore, rightNumbers: string[]): Promise<CaseDoc[]> {
  const found = new Map<string, CaseDoc>();
  for (const number of new Set(rightNumbers)) {
    if (found.size >= COMPARED_CASES) break;
    const docs = await store.openOnRight(number, LIGHT_FIELDS, COMPARED_CASES);
    // the projection has the last word: `case_search` is written in the same transactions
    for (const d of docs) if (d.open && found.size < COMPARED_CASES) found.set(d._id, d);
  }
  return [...found.values()];
}

/** Fields intake checks do not read: the machine snapshot and the filing texts stay in the database. */
const LIGHT_FIELDS = { snapshot: 0, complaint: 0, recommendation: 0, triage: 0, flags: 0 } as const;
/** The same, keeping the filing (PAE checks read its claim). */
const RECENT_FIELDS = { snapshot: 0, recommendation: 0, triage: 0, flags: 0 } as const;

/**
 * Runs the intake checks, triage and routing of a complaint against the platform's data: open cases
 * on the same rights (duplicates, parallel proceedings), the complainant's filings of the last 90 days
 * (PAE risk) and the respondent's credit record. Saves nothing (`POST /api/routing/preview` uses it).
 */
export async function assessComplaint(
  sources: IntakeSources,
  store: CaseStore,
  complaint: Complaint,
  complainantId: string,
  now: Date,
): Promise<IntakeAssessment> {
  const rightNumbers = complaint.rights.map((r) => r.number);
  const [open, recent, creditRecord] = await Promise.all([
    // one indexed equality per right (the embedded engine scans for `$in` on an array field)
    openCasesOnRights(store, rightNumbers),
    store.filedBy(complainantId, new Date(now.getTime() - PAE_LOOKBACK_MS), RECENT_FIELDS, 1000),
    sources.creditRecordOf(complaint.respondent.name),
  ]);
  const { flags } = intakeChecks(complaint, {
    complainantId,
    now,
    openCases: open.map((c) => ({
      id: c._id,
      caseNo: c.caseNo,
      rightNumbers: c.rightNumbers,
      respondentName: c.respondentName,
      status: c.status as CaseStatus,
      ...(c.channel ? { channel: c.channel as Channel } : {}),
    })),
    recentFilings: recent.map((c) => ({
      id: c._id,
      filedAt: c.filedAt,
      respondentName: c.respondentName,
      rightNumbers: c.rightNumbers,
      amountCny: c.complaint.claim.amountCny,
      ipType: c.complaint.ipType,
      complainantId: c.complainantId,
    })),
  });
  const triaged = triage(complaint, { creditRecord, now });
  const recommendation = routeComplaint(complaint, { track: triaged.track, creditRecord, now });
  const comparedCases = open.map((c) => ({
    _id: c._id,
    orgId: c.orgId,
    participantIds: c.participantIds,
    joinedOrgIds: c.joinedOrgIds ?? [],
  }));
  return { triage: triaged, recommendation, flags, creditRecord, comparedCases };
}

/**
 * Files a complaint: assesses it, links the respondent account when the complaint names its e-mail,
 * and creates the case (event 1, `FILED`) in screening. A PAE-risk signal holds routing for review.
 * `caseId` fixes the new case's id (a filing under an Idempotency-Key).
 */
export async function fileComplaint(
  sources: IntakeSources,
  store: CaseStore,
  complaint: Complaint,
  complainant: { id: string; name: string },
  actor: Actor,
  now: Date,
  caseId?: string,
): Promise<{ caseDoc: CaseDoc; assessment: IntakeAssessment }> {
  const assessment = await assessComplaint(sources, store, complaint, complainant.id, now);
  const email = complaint.respondent.email?.toLowerCase();
  const respondentId = email ? await sources.respondentAccountId(email) : undefined;
  // each other respondent's account by their address (at most 9 reads by the e-mail index)
  const otherRespondentIds: (string | null)[] = [];
  for (const other of complaint.otherRespondents ?? []) {
    const address = other.email?.toLowerCase();
    otherRespondentIds.push((address && (await sources.respondentAccountId(address))) || null);
  }
  const caseDoc = await store.create(
    {
      input: {
        complainantId: complainant.id,
        respondentId: respondentId ?? null,
        ...(otherRespondentIds.length ? { otherRespondentIds } : {}),
        ipType: complaint.ipType,
        track: assessment.triage.track,
        recommendedChannel: topChannel(assessment.recommendation),
        held: assessment.flags.paeRisk.held,
        ecommerce: Boolean(complaint.ecommerce),
        punitiveClaimed: complaint.claim.remedies.includes('punitive'),
        arbitrationAgreement: complaint.consents.arbitrationAgreement === true,
      },
      complaint,
      complainantName: complainant.name,
      triage: assessment.triage as unknown as Record<string, unknown>,
      recommendation: assessment.recommendation as unknown as Record<string, unknown>,
      flags: assessment.flags as unknown as Record<string, unknown>,
    },
    actor,
    caseId,
  );
  return { caseDoc, assessment };
}
