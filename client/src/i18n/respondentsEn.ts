/** English strings of several respondents: the complaint form's other respondents and the case's respondents card. */
export const respondentsEn = {
  form: {
    title: 'Other respondents',
    help: 'Did others take part in the same infringement? Name each one: each respondent with an e-mail gets their own invitation and becomes a party of the case.',
    add: 'Add another respondent',
    remove: 'Remove other respondent {{n}}',
    name: 'Other respondent {{n}}: name',
    type: 'Other respondent {{n}}: type',
    email: 'Other respondent {{n}}: e-mail (optional)',
  },
  card: {
    title: 'Respondents',
    introOne: 'One respondent.',
    introSeveral:
      '{{count}} respondents: each is invited and served on their own; mediation needs every respondent’s consent and an agreement every respondent’s signature.',
    you: ' (you)',
    linked: 'has an account on the case',
    notLinked: 'not yet joined',
    served: 'served on {{at}} ({{means}})',
    notServed: 'not yet served',
    consented: 'consented to mediation',
    signed: 'signed the agreement',
    period: '{{clock}}: due {{at}} for the respondents (runs from the last service)',
    periodWaiting: '{{clock}} starts on service',
  },
  staff: {
    respondent: 'Respondent {{n}}: {{name}}',
  },
};
