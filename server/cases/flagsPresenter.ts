import type { CaseView } from '../../shared/api/views.js';
import type { IntakeFlags } from '../../shared/intake/intakeChecks.js';

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
 * number, never the internal id) among the cases `visible` says they may see; of the others, as
 * parties of any, they learn only that there are some, in neutral words that name no other case
 * (no number, status or channel). Parties see nothing of the PAE score.
 */
export function presentIntakeFlags(
  flags: IntakeFlags,
  staff: boolean,
  visible: (caseId: string) => boolean = () => true,
): CaseView['flags'] {
  if (staff) {
    const present = (list: IntakeFlags['duplicate'], neutral: { code: string; text: string }) => {
      const shown = list
        .filter((c) => visible(c.caseId))
        .map(({ caseId: _id, ...rest }) => rest) as CaseView['flags']['duplicate'];
      return shown.length < list.length ? [...shown, { reason: neutral }] : shown;
    };
    return {
      duplicate: present(flags.duplicate, NEUTRAL.duplicate),
      parallel: present(flags.parallel, NEUTRAL.parallel),
      paeRisk: flags.paeRisk,
    };
  }
  return {
    duplicate: flags.duplicate.length ? [{ reason: NEUTRAL.duplicate }] : [],
    parallel: flags.parallel.length ? [{ reason: NEUTRAL.parallel }] : [],
    paeRisk: { held: flags.paeRisk.held, score: 0, reasons: [] },
  };
}

/** Whether a user sees intake details as staff. */
export const seesIntakeDetails = (role: string): boolean => role === 'admin' || role === 'officer';
