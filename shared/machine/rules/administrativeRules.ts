/**
 * Rules of the administrative channel and of the courts' jurisdiction that depend on the IP type:
 * which remedies an authority may order, which clock its procedure runs, and whether a court may
 * try a dispute in summary procedure. Sources are named on each rule; judgement calls are in
 * `docs/case-engine.md` ("Procedures as the law runs them").
 */
import type { ClockExtension } from '../caseContext.js';
import type { ClockId } from '../../time/clockIds.js';
import type { DeterminationRemedy } from '../caseEvents.js';
import type { IpType } from '../../vocabulary.js';

/** Patent rights (invention, utility model, design). */
export const PATENT_TYPES: readonly IpType[] = ['inventionPatent', 'utilityModel', 'designPatent'];

/**
 * IP types whose infringement an administrative authority may punish by confiscating the goods and
 * fining: trademarks (Trademark Law art. 60 para. 2) and copyright where the public interest is
 * harmed (Copyright Law 2020 art. 53). For patents an authority may only order the infringement to
 * stop (Patent Law 2020 art. 65); confiscation and fines exist only for passing off a patent (art.
 * 68), which is not an infringement dispute between the parties.
 */
export const PUNISHABLE_BY_AUTHORITY: readonly IpType[] = ['trademark', 'copyright'];

/** The remedies an administrative authority may order for an infringement of this IP type. */
export function administrativeRemedies(ipType: IpType): readonly DeterminationRemedy[] {
  return PUNISHABLE_BY_AUTHORITY.includes(ipType)
    ? ['cease', 'takedown', 'confiscateAndFine', 'none']
    : ['cease', 'takedown', 'none'];
}

/**
 * The clocks of the ordinary administrative procedure: a trademark case under the SAMR penalty
 * procedure (90 days + 30), or the adjudication of a patent dispute (3 months + 1).
 */
export const ADMIN_CASE_CLOCKS = ['trademarkAdminCase', 'adminAdjudication'] as const;

/** The clock the ordinary administrative procedure runs for this IP type. */
export function adminCaseClock(ipType: IpType): (typeof ADMIN_CASE_CLOCKS)[number] {
  return ipType === 'trademark' ? 'trademarkAdminCase' : 'adminAdjudication';
}

/** The fixed extension of each administrative clock (granted once, by the authority's head). */
export const ADMIN_CASE_EXTENSIONS: Readonly<Record<(typeof ADMIN_CASE_CLOCKS)[number], ClockExtension>> = {
  trademarkAdminCase: { amount: 30, unit: 'days' },
  adminAdjudication: { amount: 1, unit: 'months' },
};

/** Whether a clock is one of the ordinary administrative procedure's clocks. */
export function isAdminCaseClock(clock: ClockId): clock is (typeof ADMIN_CASE_CLOCKS)[number] {
  return (ADMIN_CASE_CLOCKS as readonly ClockId[]).includes(clock);
}

/**
 * IP types whose first-instance civil cases belong to IP courts and intermediate courts, so a basic
 * court's summary procedure (Civil Procedure Law 2023 art. 160: basic courts only) is not open:
 * inventions, utility models, IC layouts and technical secrets (SPC Provisions on Jurisdiction over
 * First-Instance IP Civil and Administrative Cases, 法释〔2022〕13号, art. 1), and design patents
 * (art. 2: IP courts and intermediate courts; a basic court only with the SPC's approval, which the
 * platform cannot assume).
 */
export const NO_SUMMARY_PROCEDURE: readonly IpType[] = [
  'inventionPatent',
  'utilityModel',
  'designPatent',
  'icLayout',
  'tradeSecret',
];

/** Whether a court may try a dispute on this track and IP type in summary procedure. */
export function courtMayTrySummarily(track: string, ipType: IpType): boolean {
  return track !== 'ordinary' && !NO_SUMMARY_PROCEDURE.includes(ipType);
}
