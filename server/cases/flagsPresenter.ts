import type { CaseView } from '../../shared/api/views.js';
import type { IntakeFlags } from '../../shared/case/intakeChecks.js';

const NEUTRAL = {
  duplicate: {
    code: 'duplicate.exists',
    text: 'An open case on the same right against the same respondent already exists; the intake desk will look at both together.',
  },
  parallel: {
    code: 'parallel.exists',
    text: 'The same right and respondent are already in proceedings in another channel.',
  },
};

/**
 * Intake flags as the caller may see them. Staff see which cases a complaint duplicates (by case
 * number, never the internal id); parties learn only that it does, in neutral words that name no
 * other case, and nothing of the PAE score.
 */
export function presentIntakeFlags(flags: IntakeFlags, staff: boolean): CaseView['flags'] {
  if (staff) {
    const strip = (list: IntakeFlags['duplicate']) =>
      list.map(({ caseId: _id, ...rest }) => rest) as CaseView['flags']['duplicate'];
    return { duplicate: strip(flags.duplicate), parallel: strip(flags.parallel), paeRisk: flags.paeRisk };
  }
  return {
    duplicate: flags.duplicate.length ? [{ reason: NEUTRAL.duplicate }] : [],
    parallel: flags.parallel.length ? [{ reason: NEUTRAL.parallel }] : [],
    paeRisk: { held: flags.paeRisk.held, score: 0, reasons: [] },
  };
}

/** Whether a user sees intake details as staff. */
export const seesIntakeDetails = (role: string): boolean => role === 'admin' || role === 'officer';
