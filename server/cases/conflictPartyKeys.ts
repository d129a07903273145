import type { CaseDoc } from './caseModel.js';

/**
 * The keys under which a mediator's conflict of interest with one party of a case is remembered: the
 * complainant's user id, or the respondents' user ids and the first respondent's normalised name. A conflict that names no
 * party (declared before parties were named) applies to its case only, so it has no key.
 */
export function conflictPartyKeys(
  caseDoc: Pick<CaseDoc, 'complainantId' | 'respondentId' | 'respondentKey'> & { coRespondentIds?: string[] },
  party: unknown,
): string[] {
  const keys =
    party === 'complainant'
      ? [caseDoc.complainantId]
      : party === 'respondent'
        ? [caseDoc.respondentKey, caseDoc.respondentId, ...(caseDoc.coRespondentIds ?? [])]
        : [];
  return keys.filter((k): k is string => typeof k === 'string' && k.length > 0);
}
