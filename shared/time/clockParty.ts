/**
 * Who must act before each clock runs out: the party a period binds, or the organisation (or the
 * mediator, the arbitrator) whose own time limit it is. The case page shows each countdown with it.
 */
import type { ClockId } from './clockIds.js';

/** Who a clock waits for. */
export type ClockParty = 'complainant' | 'respondent' | 'mediator' | 'arbitrator' | 'handler' | 'parties';

const PARTY: Record<ClockId, ClockParty> = {
  screeningDecision: 'handler',
  infoRequest: 'complainant',
  mediatorAcceptance: 'mediator',
  mediatorAssignment: 'handler',
  mediationConsent: 'respondent',
  respondentAnswer: 'respondent',
  mediation: 'mediator',
  litigationMediationOrdinary: 'mediator',
  litigationMediationSummary: 'mediator',
  confirmationApplication: 'parties',
  confirmationRuling: 'handler',
  summaryTrial: 'handler',
  ordinaryTrial: 'handler',
  adminAdjudication: 'handler',
  trademarkAdminCase: 'handler',
  fastTrackDesign: 'handler',
  fastTrackPatent: 'handler',
  ecommerceSellerResponse: 'respondent',
  ecommerceRestore: 'complainant',
  arbitrationExpedited: 'arbitrator',
  arbitrationStandard: 'arbitrator',
  appealPeriod: 'parties',
  appealPeriodForeign: 'parties',
  creditObjection: 'respondent',
  creditDisclosure: 'handler',
};

/** Who must act before `clock` runs out. */
export function clockParty(clock: ClockId): ClockParty {
  return PARTY[clock];
}
