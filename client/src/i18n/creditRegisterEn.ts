/** The credit register for staff, and the legal bases of publication. */
export const creditRegisterEn = {
  title: 'Credit register',
  intro:
    'Parties entered by a final judgment or administrative decision: source case, legal basis, objections and corrections.',
  filter: 'Status',
  all: 'All',
  name: 'Party',
  case: 'Source case',
  basis: 'Legal basis',
  status: 'Status',
  date: 'Date',
  empty: 'No entries match',
  manage: 'Objection and correction',
  close: 'Close',
  partyType: { enterprise: 'Organisation', individual: 'Natural person' },
  decision: {
    nonCompliance: 'Did not comply with a final decision',
    infringement: 'Infringement found',
  },
  basisKey: {
    finalJudgment:
      'Final judgment: not appealed within the period (Civil Procedure Law art. 171); judgments are public (法释〔2016〕19号)',
    administrativeDecision:
      'Administrative decision on infringement (Administrative Penalty Law art. 48; Regulations on the Disclosure of Government Information)',
    pendingAppeal:
      'First-instance judgment open to appeal (Civil Procedure Law arts. 171, 286): not published until final',
    nonComplianceJudgment:
      'A final judgment not complied with (Civil Procedure Law art. 171; 法释〔2016〕19号)',
    nonComplianceAdministrative:
      'An administrative decision not complied with (Administrative Penalty Law art. 48)',
    other: 'Published as the law allows',
  },
} as const;
