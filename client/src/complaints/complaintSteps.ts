/** The steps of the complaint form and which fields each one owns. */

/** Step identifiers, in order. */
export const STEPS = ['right', 'parties', 'facts', 'claim', 'consents', 'review'] as const;
/** A step. */
export type StepId = (typeof STEPS)[number];

const OWNERS: Record<Exclude<StepId, 'review'>, string[]> = {
  right: ['ipType', 'title', 'industry', 'rights'],
  parties: ['complainant', 'respondent', 'otherRespondents', 'respondentCount'],
  facts: [
    'description',
    'ecommerce',
    'tradeFair',
    'evidence',
    'foreignRelated',
    'counterfeitingAtScale',
    'repeatInfringer',
    'wilful',
    'priorDecisionIgnored',
  ],
  claim: ['claim', 'injunctionRequested', 'legalAidRequested', 'hasCounsel'],
  consents: ['consents', 'sameAssociation'],
};

/** The step that owns a field path (the review step owns nothing). */
export function stepOf(path: string): StepId {
  const head = path.split('.')[0] ?? '';
  for (const [step, fields] of Object.entries(OWNERS)) {
    if (fields.includes(head)) return step as StepId;
  }
  return 'right';
}
