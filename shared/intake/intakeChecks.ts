/**
 * Intake checks run when a complaint is filed (design brief, "Triage and routing"): duplicate and
 * parallel proceedings (same right, same respondent) and a patent-assertion-entity (PAE) risk signal
 * (many similar low-value complaints by one complainant against many respondents) that holds routing
 * for admin review. Pure: the server queries the open cases and recent filings and passes `now`.
 */
import type { Complaint } from '../schemas/complaint.js';
import type { CaseStatus, Channel, IpType } from '../vocabulary.js';
import { formatCny, reason, totalWeight } from './reason.js';
import type { Reason } from './reason.js';

/** Look-back window of the PAE signal, in days. */
export const PAE_WINDOW_DAYS = 90;
/** Fewest filings in the window (this complaint included) for the PAE signal. */
export const PAE_MIN_FILINGS = 10;
/** Fewest distinct respondents in the window (this complaint included) for the PAE signal. */
export const PAE_MIN_RESPONDENTS = 5;
/** Highest median claim amount, in yuan, that still counts as "mostly low value". */
export const PAE_MAX_MEDIAN_AMOUNT_CNY = 100_000;
/** Smallest share of filings with the same IP type, or asserting the same right, that counts as similar. */
export const PAE_MIN_SIMILAR_SHARE = 0.8;
/** Score weights of the four PAE conditions (they add up to 100). */
export const PAE_WEIGHTS = { filings: 30, respondents: 25, lowValue: 20, similar: 25 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** An open case of the platform that shares a right number with the new complaint. */
export interface OpenCaseSummary {
  id: string;
  caseNo: string;
  rightNumbers: string[];
  respondentName: string;
  /** Set once the case has been routed to a channel. */
  channel?: Channel;
  status: CaseStatus;
}

/** An earlier filing by the same complainant. */
export interface RecentFiling {
  id: string;
  filedAt: Date | string;
  respondentName: string;
  rightNumbers: string[];
  amountCny: number;
  ipType: IpType;
  /** When present and different from `complainantId`, the filing is ignored. */
  complainantId?: string;
}

/** What the intake checks need besides the complaint. */
export interface IntakeContext {
  complainantId: string;
  openCases: readonly OpenCaseSummary[];
  recentFilings: readonly RecentFiling[];
  now: Date;
}

/** An open case that the new complaint duplicates or would run in parallel with. */
export interface CaseConflict {
  caseId: string;
  caseNo: string;
  status: CaseStatus;
  channel?: Channel;
  /** The complaint's right numbers that the open case also asserts. */
  sharedRights: string[];
  reason: Reason;
}

/** The PAE-risk signal. When `held`, routing waits for admin review. */
export interface PaeRisk {
  held: boolean;
  /** 0–100: the weights of the conditions met. */
  score: number;
  reasons: Reason[];
}

/** The flags raised at intake. */
export interface IntakeFlags {
  duplicate: CaseConflict[];
  parallel: CaseConflict[];
  paeRisk: PaeRisk;
}

/** The result of `intakeChecks`. */
export interface IntakeResult {
  flags: IntakeFlags;
}

const CJK_COMPANY_SUFFIX = /(股份有限公司|有限责任公司|有限公司|股份公司|集团公司|集团|公司)$/u;
const LATIN_COMPANY_SUFFIX =
  / (co|company|ltd|limited|inc|incorporated|corp|corporation|llc|llp|lp|plc|gmbh|ag|sa|sarl|bv|nv|pte|pty|kk)$/u;

/**
 * Normalises a party name for comparison: full-width → half-width (NFKC), case, whitespace and
 * punctuation ignored, trailing company suffixes (有限公司, Co., Ltd., Inc., GmbH…) removed.
 */
export function normalizePartyName(name: string): string {
  let s = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
  for (;;) {
    const stripped = s.replace(CJK_COMPANY_SUFFIX, '').replace(LATIN_COMPANY_SUFFIX, '').trim();
    if (stripped === s || stripped === '') break;
    s = stripped;
  }
  return s.replace(/ /g, '');
}

/** Normalises a right number: NFKC, case-insensitive, separators and a leading `ZL` ignored. */
export function normalizeRightNumber(number: string): string {
  return number
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
    .replace(/^ZL(?=\d)/u, '');
}

/** Runs the duplicate, parallel-proceedings and PAE-risk checks on a new complaint. */
export function intakeChecks(complaint: Complaint, context: IntakeContext): IntakeResult {
  const { duplicate, parallel } = conflicts(complaint, context.openCases);
  return { flags: { duplicate, parallel, paeRisk: paeRisk(complaint, context) } };
}

function conflicts(
  complaint: Complaint,
  openCases: readonly OpenCaseSummary[],
): { duplicate: CaseConflict[]; parallel: CaseConflict[] } {
  const respondent = normalizePartyName(complaint.respondent.name);
  const duplicate: CaseConflict[] = [];
  const parallel: CaseConflict[] = [];
  for (const open of openCases) {
    if (open.status === 'closed' || normalizePartyName(open.respondentName) !== respondent) continue;
    const theirs = new Set(open.rightNumbers.map(normalizeRightNumber));
    const sharedRights = complaint.rights
      .map((r) => r.number)
      .filter((n) => theirs.has(normalizeRightNumber(n)));
    if (sharedRights.length === 0) continue;
    const base = { caseId: open.id, caseNo: open.caseNo, status: open.status, sharedRights };
    const same = `the same right (${sharedRights.join(', ')}) against the same respondent (${open.respondentName})`;
    duplicate.push({
      ...base,
      ...(open.channel ? { channel: open.channel } : {}),
      reason: reason(
        'intake.duplicate',
        `Open case ${open.caseNo} already concerns ${same}, so this complaint may be a duplicate.`,
      ),
    });
    if (open.channel) {
      parallel.push({
        ...base,
        channel: open.channel,
        reason: reason(
          'intake.parallel',
          `Open case ${open.caseNo} about ${same} is already in the ${open.channel} channel, so a second case would be a parallel proceeding.`,
        ),
      });
    }
  }
  return { duplicate, parallel };
}

interface FilingFacts {
  respondent: string;
  rights: string[];
  amountCny: number;
  ipType: IpType;
}

function paeRisk(complaint: Complaint, context: IntakeContext): PaeRisk {
  const since = context.now.getTime() - PAE_WINDOW_DAYS * DAY_MS;
  const filings: FilingFacts[] = [
    {
      respondent: normalizePartyName(complaint.respondent.name),
      rights: complaint.rights.map((r) => normalizeRightNumber(r.number)),
      amountCny: complaint.claim.amountCny,
      ipType: complaint.ipType,
    },
    ...context.recentFilings
      .filter((f) => f.complainantId === undefined || f.complainantId === context.complainantId)
      .filter((f) => {
        const at = new Date(f.filedAt).getTime();
        return at > since && at <= context.now.getTime();
      })
      .map((f) => ({
        respondent: normalizePartyName(f.respondentName),
        rights: f.rightNumbers.map(normalizeRightNumber),
        amountCny: f.amountCny,
        ipType: f.ipType,
      })),
  ];
  const count = filings.length;
  const respondents = new Set(filings.map((f) => f.respondent)).size;
  const median = medianOf(filings.map((f) => f.amountCny));
  const typeShare = topShare(filings.map((f) => [f.ipType]));
  const rightShare = topShare(filings.map((f) => f.rights));
  const similarShare = Math.max(typeShare, rightShare);
  const pct = (share: number) => `${Math.round(share * 100)}%`;

  const checks: [boolean, keyof typeof PAE_WEIGHTS, string][] = [
    [
      count >= PAE_MIN_FILINGS,
      'filings',
      `The complainant has filed ${count} complaints in the last ${PAE_WINDOW_DAYS} days, this one included (threshold ${PAE_MIN_FILINGS}).`,
    ],
    [
      respondents >= PAE_MIN_RESPONDENTS,
      'respondents',
      `They name ${respondents} different respondents (threshold ${PAE_MIN_RESPONDENTS}).`,
    ],
    [
      median <= PAE_MAX_MEDIAN_AMOUNT_CNY,
      'lowValue',
      `The median amount claimed is ${formatCny(median)} (low value is at most ${formatCny(PAE_MAX_MEDIAN_AMOUNT_CNY)}).`,
    ],
    [
      similarShare >= PAE_MIN_SIMILAR_SHARE,
      'similar',
      `${pct(typeShare)} concern the same type of IP and ${pct(rightShare)} assert the same right (similar is at least ${pct(PAE_MIN_SIMILAR_SHARE)}).`,
    ],
  ];
  const held = checks.every(([met]) => met);
  const reasons = checks.map(([met, key, text]) => reason(`pae.${key}`, text, met ? PAE_WEIGHTS[key] : 0));
  reasons.unshift(
    held
      ? reason(
          'pae.held',
          'Many similar low-value complaints by one complainant against many respondents suggest a patent-assertion entity: routing is held for admin review.',
        )
      : reason('pae.clear', 'The filing pattern does not suggest a patent-assertion entity.'),
  );
  return { held, score: totalWeight(reasons), reasons };
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] ?? 0;
  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The share of items containing the most common key (each item counts a key once). */
function topShare(items: string[][]): number {
  if (items.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const keys of items) {
    for (const key of new Set(keys)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Math.max(0, ...counts.values()) / items.length;
}
