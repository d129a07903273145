/**
 * Identifiers of every legal clock a case can run. The durations, units and sources live in
 * `clocks.ts`; the machine starts and stops clocks by these ids.
 */
export const CLOCK_IDS = [
  'screeningDecision',
  'infoRequest',
  'mediatorAcceptance',
  'mediatorAssignment',
  'mediationConsent',
  'respondentAnswer',
  'mediation',
  'litigationMediationOrdinary',
  'litigationMediationSummary',
  'confirmationApplication',
  'confirmationRuling',
  'summaryTrial',
  'ordinaryTrial',
  'adminAdjudication',
  'trademarkAdminCase',
  'fastTrackDesign',
  'fastTrackPatent',
  'ecommerceSellerResponse',
  'ecommerceRestore',
  'arbitrationExpedited',
  'arbitrationStandard',
  'appealPeriod',
  'appealPeriodForeign',
  'creditObjection',
  'creditDisclosure',
] as const;
/** A clock identifier. */
export type ClockId = (typeof CLOCK_IDS)[number];
