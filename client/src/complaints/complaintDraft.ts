/**
 * The complaint form's draft: what the user has typed (strings where they type numbers), turned into
 * the `POST /api/cases` body by {@link toComplaint}. The body is validated by the shared Joi schema.
 */
import type { IpType, PartyType, Remedy } from '../../../shared/vocabulary.js';

/** A half-filled complaint. */
export interface ComplaintDraft {
  ipType: IpType | '';
  title: string;
  industry: string;
  rights: { number: string; title: string }[];
  complainant: { name: string; type: PartyType; sme: boolean };
  respondent: { name: string; type: PartyType; email: string };
  /** The other respondents (each invited on their own). */
  otherRespondents: { name: string; type: PartyType; email: string }[];
  respondentCount: string;
  description: string;
  venue: { ecommerce: boolean; tradeFair: boolean };
  ecommerce: { platform: string; listingUrl: string };
  tradeFair: { name: string };
  evidence: { hasRightCertificate: boolean; hasInfringementProof: boolean; hasDamagesProof: boolean };
  foreignRelated: boolean;
  counterfeitingAtScale: boolean;
  repeatInfringer: boolean;
  wilful: boolean;
  priorDecisionIgnored: boolean;
  claim: { amountCny: string; remedies: Remedy[] };
  injunctionRequested: boolean;
  legalAidRequested: boolean;
  hasCounsel: boolean;
  consents: { mediation: boolean; arbitrationAgreement: boolean };
  sameAssociation: { member: boolean; name: string };
}

/** A fresh draft, with the complainant's name taken from the account. */
export function emptyDraft(complainantName: string): ComplaintDraft {
  return {
    ipType: '',
    title: '',
    industry: '',
    rights: [{ number: '', title: '' }],
    complainant: { name: complainantName, type: 'enterprise', sme: true },
    respondent: { name: '', type: 'enterprise', email: '' },
    otherRespondents: [],
    respondentCount: '',
    description: '',
    venue: { ecommerce: false, tradeFair: false },
    ecommerce: { platform: '', listingUrl: '' },
    tradeFair: { name: '' },
    evidence: { hasRightCertificate: false, hasInfringementProof: false, hasDamagesProof: false },
    foreignRelated: false,
    counterfeitingAtScale: false,
    repeatInfringer: false,
    wilful: false,
    priorDecisionIgnored: false,
    claim: { amountCny: '', remedies: [] },
    injunctionRequested: false,
    legalAidRequested: false,
    hasCounsel: false,
    consents: { mediation: false, arbitrationAgreement: false },
    sameAssociation: { member: false, name: '' },
  };
}

const blankToUndefined = (s: string): string | undefined => (s.trim() === '' ? undefined : s);

/** A typed number when the text is one, else the text itself (so the schema explains what is wrong). */
function numberOrText(s: string): number | string | undefined {
  const trimmed = s.trim().replace(/[,，\s]/g, '');
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : s;
}

/** The request body of a draft (optional fields left out when empty). */
export function toComplaint(d: ComplaintDraft): Record<string, unknown> {
  const body: Record<string, unknown> = {
    title: d.title,
    description: d.description,
    ipType: d.ipType === '' ? undefined : d.ipType,
    rights: d.rights.map((r) => ({ number: r.number, title: blankToUndefined(r.title) })),
    industry: blankToUndefined(d.industry),
    complainant: { name: d.complainant.name, type: d.complainant.type, sme: d.complainant.sme },
    respondent: {
      name: d.respondent.name,
      type: d.respondent.type,
      email: blankToUndefined(d.respondent.email),
    },
    otherRespondents: (d.otherRespondents ?? []).length
      ? d.otherRespondents.map((r) => ({ name: r.name, type: r.type, email: blankToUndefined(r.email) }))
      : undefined,
    respondentCount: numberOrText(d.respondentCount),
    ecommerce: d.venue.ecommerce
      ? { platform: d.ecommerce.platform, listingUrl: d.ecommerce.listingUrl }
      : undefined,
    tradeFair: d.venue.tradeFair ? { name: d.tradeFair.name } : undefined,
    evidence: { ...d.evidence },
    foreignRelated: d.foreignRelated,
    counterfeitingAtScale: d.counterfeitingAtScale,
    repeatInfringer: d.repeatInfringer,
    wilful: d.wilful,
    priorDecisionIgnored: d.priorDecisionIgnored,
    claim: { amountCny: numberOrText(d.claim.amountCny), remedies: d.claim.remedies },
    injunctionRequested: d.injunctionRequested,
    legalAidRequested: d.legalAidRequested,
    hasCounsel: d.hasCounsel,
    consents: { ...d.consents },
    sameAssociation: d.sameAssociation.member ? { name: d.sameAssociation.name } : undefined,
  };
  return JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
}
