/** English: generated documents, the agreement signed on its text, the case file as a PDF. */
export const documentsEn = {
  title: 'Documents',
  failed: 'The document was not downloaded',
  issued: 'The platform issued the {{document}} ({{lang}}).',
  lang: { 'zh-CN': 'Chinese', en: 'English' },
  kind: {
    acceptanceNotice: 'Notice of acceptance',
    rejectionNotice: 'Notice of rejection',
    infoRequest: 'Request for information',
    mediationInvitation: 'Invitation to mediate',
    mediationAgreement: 'Mediation agreement (draft)',
    signedAgreement: 'Mediation agreement (signed)',
    confirmationApplication: 'Application for judicial confirmation',
    confirmationRuling: 'Ruling on judicial confirmation',
    takedownNotice: 'E-commerce takedown notice',
    restoreNotice: 'E-commerce restore notice',
    administrativeDecision: 'Administrative decision',
    arbitralAward: 'Arbitral award',
    judgmentSummary: 'Judgment summary',
    closureNotice: 'Notice of closure',
  },
  side: { complainant: 'complainant', respondent: 'respondent' },
  agreement: {
    title: 'Mediation agreement',
    draft: 'Draft #{{seq}}, proposed {{time}}',
    unsigned: 'Not signed yet.',
    signedBy: '{{name}} ({{side}}) signed at {{time}}',
    voidedBadge: 'void',
    voided:
      '{{name}} ({{side}}) signed draft #{{seq}} at {{time}}: the draft has changed since, so that signature no longer counts.',
  },
  sign: {
    intro:
      'Read the whole agreement. Your signature is given on exactly this text, identified by its SHA-256.',
    hash: 'SHA-256 of the text you sign',
    confirm: 'I have read the full text of the agreement and agree to its terms.',
    submit: 'Sign the agreement',
    cancel: 'Cancel',
    done: 'Signed. Your signature records the time and the SHA-256 of the text.',
    changed:
      'The mediator changed the draft meanwhile. The current text is shown now: read it before you sign.',
    noDraft: 'No agreement has been proposed yet.',
  },
  caseFilePdf: {
    download: 'Case file (PDF)',
    hint: 'Cover, timeline, documents and evidence index with their SHA-256, as one PDF.',
  },
};
