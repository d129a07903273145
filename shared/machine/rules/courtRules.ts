/**
 * The court's procedural limits (Civil Procedure Law, 2023 numbering, and the SPC Interpretation of
 * the CPL, 法释〔2022〕11号): trial-period extensions and appeal periods.
 */
import type { CaseContext } from '../caseContext.js';
import type { TrialExtensionApprover } from '../caseEvents.js';
import type { ClockId } from '../../time/clockIds.js';
import { computeDueAt } from '../../time/clocks.js';
import { instantMs } from '../../time/calendar.js';
import { courtRecordOf } from '../courtContext.js';

/** Days of notice a hearing needs: the court notifies the parties three days before it (art. 139). */
export const HEARING_NOTICE_DAYS = 3;

/** Whether a hearing at `sessionAt`, notified at `at`, leaves the parties their notice (art. 139). */
export function hearingNoticeTimely(at: string, sessionAt: string): boolean {
  return Date.parse(sessionAt) - Date.parse(at) >= HEARING_NOTICE_DAYS * 86_400_000;
}

/** The trial period's clocks: summary (art. 164) and ordinary (art. 152) procedure. */
export const TRIAL_CLOCKS = ['summaryTrial', 'ordinaryTrial'] as const;
/** The appeal window's clocks: 15 days (art. 171), or 30 days with a party domiciled abroad (art. 286). */
export const APPEAL_CLOCKS = ['appealPeriod', 'appealPeriodForeign'] as const;

/**
 * The most months each approver may add to a trial period, and the most in total:
 * - summary procedure: the court president, once, 1 month (art. 164; Interpretation art. 258: at most
 *   4 months in all);
 * - ordinary procedure: the court president, once, 6 months (art. 152); then the higher court, which
 *   the law does not cap — the platform records up to 6 months more (12 in all, the clock's
 *   `maxExtension`); a case still pending after that is flagged by the clock's breach.
 */
export const TRIAL_EXTENSION_LIMITS = {
  summaryTrial: { president: 1, higherCourt: 0, total: 1 },
  ordinaryTrial: { president: 6, higherCourt: 6, total: 12 },
} as const satisfies Record<(typeof TRIAL_CLOCKS)[number], Record<TrialExtensionApprover | 'total', number>>;

/** The trial clock running in this case, if any. */
export function runningTrialClock(context: CaseContext): (typeof TRIAL_CLOCKS)[number] | null {
  return TRIAL_CLOCKS.find((id) => context.clocks[id] !== undefined) ?? null;
}

/**
 * Whether an extension of `months` approved by `approvedBy` is allowed now: the president first and
 * once; the higher court only after the president, in ordinary procedure; within the total.
 */
export function trialExtensionAllowed(
  context: CaseContext,
  approvedBy: TrialExtensionApprover,
  months: number,
): boolean {
  const clock = runningTrialClock(context);
  if (clock === null || !Number.isInteger(months) || months < 1) return false;
  const limits = TRIAL_EXTENSION_LIMITS[clock];
  const granted = courtRecordOf(context).trialExtensions;
  const byPresident = granted.some((e) => e.approvedBy === 'president');
  const total = granted.reduce((sum, e) => sum + e.months, 0);
  if (months > limits[approvedBy] || total + months > limits.total) return false;
  return approvedBy === 'president' ? !byPresident : byPresident;
}

/** The appeal window's clock: 30 days when a party has no domicile in China, else 15. */
export function appealClockFor(context: CaseContext): (typeof APPEAL_CLOCKS)[number] {
  return courtRecordOf(context).partiesWithoutDomicile.length > 0 ? 'appealPeriodForeign' : 'appealPeriod';
}

/**
 * Whether a party may still appeal at `at`: within its own period from service (the judgment is
 * served on the platform when rendered): 30 days for a party without domicile in China, 15 days
 * for the others, even when the window stays open longer for the other side.
 */
export function withinAppealPeriod(
  context: CaseContext,
  side: 'complainant' | 'respondent',
  at: string,
): boolean {
  const running = APPEAL_CLOCKS.find((id) => context.clocks[id] !== undefined);
  const entry = running && context.clocks[running];
  if (!entry) return false;
  const own: ClockId = courtRecordOf(context).partiesWithoutDomicile.includes(side)
    ? 'appealPeriodForeign'
    : 'appealPeriod';
  return instantMs(at) <= instantMs(computeDueAt(own, entry.startedAt));
}
