/**
 * The complaint body of `POST /api/cases` (design brief, "Contract"), plus the optional fields that
 * triage, routing and intake checks use. Shared by the server and the web form: messages are written
 * for people, every error is reported (not just the first), and unknown keys — including operator
 * keys such as `$ne` — are always an error, never silently stripped.
 */
import { MAX_OTHER_RESPONDENTS } from '../machine/respondents.js';
import Joi from 'joi';
import { IP_TYPES, PARTY_TYPES, REMEDIES } from '../vocabulary.js';
import type { IpType, PartyType, Remedy } from '../vocabulary.js';
import { minCharacters } from './minCharacters.js';

/** Most rights one complaint may assert. */
export const MAX_RIGHTS = 20;
/** Largest claim amount accepted, in yuan. */
export const MAX_AMOUNT_CNY = 1e12;
/** Largest number of respondents one complaint may name. */
export const MAX_RESPONDENT_COUNT = 1000;

/** One asserted right: a registration or patent number, optionally with its title. */
export interface ComplaintRight {
  number: string;
  title?: string;
}

/** The complainant (rights holder). */
export interface ComplaintComplainant {
  name: string;
  type: PartyType;
  /** Small or medium-sized enterprise. */
  sme: boolean;
}

/** The (first) respondent. An `email` that belongs to an account makes it the case's respondent. */
export interface ComplaintRespondent {
  name: string;
  type: PartyType;
  email?: string;
}

/** What the complainant asks for. */
export interface ComplaintClaim {
  amountCny: number;
  remedies: Remedy[];
}

/** What the complainant has to hand (self-declared at filing, checked at screening). */
export interface ComplaintEvidence {
  hasRightCertificate: boolean;
  hasInfringementProof: boolean;
  hasDamagesProof: boolean;
}

/** A validated complaint body (mirrors `complaintSchema`). */
export interface Complaint {
  title: string;
  description: string;
  ipType: IpType;
  rights: ComplaintRight[];
  industry?: string;
  complainant: ComplaintComplainant;
  respondent: ComplaintRespondent;
  /**
   * The other respondents, named like the first (joint respondents, Civil Procedure Law art. 55): each
   * with an address is invited and served on their own. Absent in complaints filed before they could
   * be named.
   */
  otherRespondents?: ComplaintRespondent[];
  ecommerce?: { platform: string; listingUrl: string };
  tradeFair?: { name: string };
  claim: ComplaintClaim;
  consents: { mediation: boolean; arbitrationAgreement: boolean };
  foreignRelated?: boolean;
  legalAidRequested?: boolean;
  /** How many respondents in all (the named ones included); the named ones when absent. */
  respondentCount?: number;
  hasCounsel?: boolean;
  counterfeitingAtScale?: boolean;
  repeatInfringer?: boolean;
  injunctionRequested?: boolean;
  wilful?: boolean;
  /** Both parties are members of this industry association. */
  sameAssociation?: { name: string };
  /** The respondent ignored an earlier decision about this dispute. */
  priorDecisionIgnored?: boolean;
  evidence?: ComplaintEvidence;
}

/** One validation problem: a dotted path (`rights.0.number`, empty for the body) and a message. */
export interface FieldError {
  path: string;
  message: string;
}

/** The outcome of `validateComplaint`. */
export type ComplaintValidation = { value: Complaint } | { errors: FieldError[] };

const MESSAGES: Joi.LanguageMessages = {
  'any.required': '{{#label}} is required',
  'any.only': '{{#label}} must be one of: {{#valids}}',
  'object.unknown': '{{#label}} is not a recognised field',
  'object.base': '{{#label}} must be an object',
  'string.base': '{{#label}} must be text',
  'string.empty': '{{#label}} must not be empty',
  'string.min': '{{#label}} must be at least {{#limit}} characters long',
  'string.max': '{{#label}} must be at most {{#limit}} characters long',
  'string.email': '{{#label}} must be a valid email address',
  'string.uri': '{{#label}} must be a valid web address',
  'string.uriCustomScheme': '{{#label}} must be a web address starting with http:// or https://',
  'number.base': '{{#label}} must be a number',
  'number.min': '{{#label}} must be at least {{#limit}}',
  'number.max': '{{#label}} must be at most {{#limit}}',
  'number.integer': '{{#label}} must be a whole number',
  'number.infinity': '{{#label}} must be a finite number',
  'number.unsafe': '{{#label}} is too large',
  'boolean.base': '{{#label}} must be true or false',
  'array.base': '{{#label}} must be a list',
  'array.min': '{{#label}} must contain at least {{#limit}} {if(#limit == 1, "item", "items")}',
  'array.max': '{{#label}} must contain at most {{#limit}} items',
  'array.unique': '{{#label}} contains a duplicate',
  'array.sparse': '{{#label}} must not contain empty items',
};

const text = (label: string, max: number) => Joi.string().trim().min(1).max(max).label(label);
const flag = (label: string) => Joi.boolean().strict().label(label);
const object = (keys: Joi.PartialSchemaMap, label: string) => Joi.object(keys).unknown(false).label(label);

const right = object(
  { number: text('Right number', 64).required(), title: text('Right title', 200) },
  'Right',
);

const party = (who: string) => ({
  name: text(`${who} name`, 200).required(),
  type: Joi.any()
    .valid(...PARTY_TYPES)
    .label(`${who} type`)
    .required(),
});

const respondentEmail = Joi.string()
  .trim()
  .lowercase()
  .max(254)
  .email({ tlds: { allow: false } })
  .label('Respondent email');

const respondent = object({ ...party('Respondent'), email: respondentEmail }, 'Respondent');

/**
 * The Joi schema of the complaint body. Unknown keys are errors; booleans and numbers are strict (no
 * "true" or "5000" strings); enums are `any().valid()` so a wrong value gives exactly one error.
 */
export const complaintSchema: Joi.ObjectSchema<Complaint> = Joi.object<Complaint>({
  title: Joi.string().trim().min(3).custom(minCharacters(3)).max(200).label('Title').required(),
  description: Joi.string()
    .trim()
    .min(10)
    .custom(minCharacters(10))
    .max(20000)
    .label('Description')
    .required(),
  ipType: Joi.any()
    .valid(...IP_TYPES)
    .label('Type of IP right')
    .required(),
  rights: Joi.array()
    .items(right)
    .min(1)
    .max(MAX_RIGHTS)
    .unique('number')
    .label('Rights')
    .required()
    .messages({ 'array.unique': 'Rights must not list the same right number twice' }),
  industry: text('Industry', 100),
  complainant: object({ ...party('Complainant'), sme: flag('SME').required() }, 'Complainant').required(),
  respondent: respondent.required(),
  otherRespondents: Joi.array()
    .items(respondent)
    .max(MAX_OTHER_RESPONDENTS)
    .label('Other respondents')
    .custom((list: ComplaintRespondent[], helpers) => {
      // one address is one person: two respondents never share an invitation
      const emails = list.map((r) => r.email).filter((e): e is string => Boolean(e));
      const first = (helpers.state.ancestors[0] as { respondent?: ComplaintRespondent }).respondent?.email;
      const all = first ? [first, ...emails] : emails;
      return new Set(all).size === all.length ? list : helpers.error('respondents.sameEmail');
    })
    .messages({ 'respondents.sameEmail': 'Two respondents must not share an e-mail address' }),
  ecommerce: object(
    {
      platform: text('E-commerce platform', 100).required(),
      listingUrl: Joi.string()
        .trim()
        .max(2048)
        .uri({ scheme: ['http', 'https'] })
        .label('Listing URL')
        .required(),
    },
    'E-commerce',
  ),
  tradeFair: object({ name: text('Trade fair name', 200).required() }, 'Trade fair'),
  claim: object(
    {
      amountCny: Joi.number().strict().min(0).max(MAX_AMOUNT_CNY).label('Amount claimed (CNY)').required(),
      remedies: Joi.array()
        .items(
          Joi.any()
            .valid(...REMEDIES)
            .label('Remedy'),
        )
        .min(1)
        .max(REMEDIES.length)
        .unique()
        .label('Remedies')
        .required(),
    },
    'Claim',
  ).required(),
  consents: object(
    {
      mediation: flag('Consent to mediation').required(),
      arbitrationAgreement: flag('Arbitration agreement').required(),
    },
    'Consents',
  ).required(),
  foreignRelated: flag('Foreign-related'),
  legalAidRequested: flag('Legal aid requested'),
  respondentCount: Joi.number()
    .strict()
    .integer()
    .min(1)
    .max(MAX_RESPONDENT_COUNT)
    .label('Number of respondents'),
  hasCounsel: flag('Has counsel'),
  counterfeitingAtScale: flag('Counterfeiting at scale'),
  repeatInfringer: flag('Repeat infringer'),
  injunctionRequested: flag('Injunction requested'),
  wilful: flag('Wilful infringement'),
  sameAssociation: object({ name: text('Association name', 200).required() }, 'Same association'),
  priorDecisionIgnored: flag('Prior decision ignored'),
  evidence: object(
    {
      hasRightCertificate: flag('Right certificate').required(),
      hasInfringementProof: flag('Proof of infringement').required(),
      hasDamagesProof: flag('Proof of damages').required(),
    },
    'Evidence',
  ),
})
  .unknown(false)
  .label('Complaint')
  .required()
  .prefs({
    abortEarly: false,
    convert: true,
    errors: { wrap: { label: false, array: false } },
    messages: MESSAGES,
  });

/**
 * Validates a complaint body, returning the normalised value or every error found. Own `__proto__`
 * keys (which `JSON.parse` can produce and Joi silently drops) are reported as unknown fields too.
 */
export function validateComplaint(body: unknown): ComplaintValidation {
  const { value, error } = complaintSchema.validate(body);
  const errors: FieldError[] = (error?.details ?? []).map((d) => ({
    path: d.path.join('.'),
    message: d.message,
  }));
  for (const path of protoKeyPaths(body, [])) {
    errors.push({ path, message: `${path} is not a recognised field` });
  }
  return errors.length > 0 ? { errors } : { value: value as Complaint };
}

/**
 * Paths of own `__proto__` keys. The schema is three levels deep (`rights.0.number`), so anything
 * deeper sits inside a value Joi already rejects; the walk stops there, which also bounds its cost.
 */
function protoKeyPaths(node: unknown, at: string[]): string[] {
  if (node === null || typeof node !== 'object' || at.length > 3) return [];
  return Object.keys(node).flatMap((key) => {
    const path = [...at, key];
    if (key === '__proto__') return [path.join('.')];
    return protoKeyPaths((node as Record<string, unknown>)[key], path);
  });
}
