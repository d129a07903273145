/**
 * Actions of the court procedure, spread into `caseActions` (pure context updates).
 */
import { assign } from 'xstate';
import type { CaseContext } from '../caseContext.js';
import type { CaseEvent } from '../caseEvents.js';
import { partySide } from '../caseActors.js';
import { eventAt, eventOf } from '../caseEventOf.js';
import { courtRecordOf, type CourtRecord } from '../courtContext.js';
import { runningTrialClock } from '../rules/courtRules.js';

type Args = { context: CaseContext; event: CaseEvent };

function court(
  fn: (args: Args, record: CourtRecord) => Partial<CourtRecord> & { clocks?: CaseContext['clocks'] },
) {
  return assign<CaseContext, CaseEvent, undefined, CaseEvent, never>((args) => {
    const { clocks, ...changes } = fn(args, courtRecordOf(args.context));
    return {
      court: { ...courtRecordOf(args.context), ...changes },
      ...(clocks ? { clocks } : {}),
    };
  });
}

/** Action implementations of the court procedure, keyed by the names the machine uses. */
export const courtActions = {
  /** The complainant applies to withdraw; the court will rule (CPL art. 148). */
  applyWithdrawal: court(({ event }) => {
    const withdraw = eventOf(event, 'WITHDRAW');
    if (!withdraw) return {};
    return {
      withdrawal: withdraw.reason ? { at: withdraw.at, reason: withdraw.reason } : { at: withdraw.at },
    };
  }),
  /** The court refuses the withdrawal: the trial continues. */
  refuseWithdrawal: court(() => ({ withdrawal: null })),
  /** The trial period is extended: the running trial clock's extension is the total granted. */
  extendTrial: court(({ context, event }, record) => {
    const extend = eventOf(event, 'EXTEND_TRIAL');
    const clock = runningTrialClock(context);
    const entry = clock && context.clocks[clock];
    if (!extend || !clock || !entry) return {};
    const trialExtensions = [
      ...record.trialExtensions,
      { approvedBy: extend.approvedBy, months: extend.months, at: extend.at },
    ];
    const total = trialExtensions.reduce((sum, e) => sum + e.months, 0);
    return {
      trialExtensions,
      clocks: {
        ...context.clocks,
        [clock]: { startedAt: entry.startedAt, extension: { amount: total, unit: 'months' } },
      },
    };
  }),
  /**
   * Summary procedure becomes ordinary: the ordinary period counts from filing, not from the
   * conversion (SPC Interpretation of the CPL art. 258), and a summary extension no longer applies.
   */
  convertTrialClock: court(({ context }) => {
    const entry = context.clocks.summaryTrial;
    if (!entry) return {};
    const { summaryTrial: _dropped, ...others } = context.clocks;
    return { trialExtensions: [], clocks: { ...others, ordinaryTrial: { startedAt: entry.startedAt } } };
  }),
  /** The judgment names the parties without domicile in China (their appeal period is 30 days). */
  recordDomicile: court(({ event }) => {
    const judgment = eventOf(event, 'RENDER_JUDGMENT');
    return { partiesWithoutDomicile: [...new Set(judgment?.partiesWithoutDomicile ?? [])] };
  }),
  /** A party appealed: the case leaves the platform's procedure for the higher court. */
  recordAppeal: court(({ context, event }) => {
    const appeal = eventOf(event, 'APPEAL');
    const side = partySide(context, event.actor);
    if (!appeal || !side) return {};
    return {
      appeal: appeal.reason ? { side, at: appeal.at, reason: appeal.reason } : { side, at: appeal.at },
    };
  }),
  /** The appeal window passed unappealed: the judgment is final. */
  finaliseJudgment: court(({ context, event }) => ({ finalAt: eventAt(event, context) })),
};
