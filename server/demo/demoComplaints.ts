/**
 * Realistic demo complaints, varied across IP types, industries, rights holders, respondents, amounts
 * and facts (e-commerce listings, trade fairs, associations, ignored decisions). A complaint profile
 * says what kind of dispute a demo scenario needs; `demoComplaint` draws one from a seeded generator.
 */
import { demoRespondentAccount } from './demoRespondentAccounts.js';
import type { Complaint } from '../../shared/schemas/complaint.js';
import type { IpType, Remedy } from '../../shared/vocabulary.js';
import {
  DEMO_PLATFORMS,
  DEMO_RIGHTS_HOLDERS,
  DEMO_TRADE_FAIRS,
  demoRespondentName,
  type DemoRight,
  type DemoRightsHolder,
} from './demoParties.js';
import type { DemoRandom } from './demoRandom.js';

/** The kinds of dispute demo scenarios file. */
export const COMPLAINT_PROFILES = [
  'designOnline',
  'designFair',
  'patentFast',
  'counterfeit',
  'patentAdmin',
  'patentLitigation',
  'trademarkLitigation',
  'mediationSmall',
  'licence',
  'association',
  'legalAid',
  'ignoredDecision',
] as const;
/** A kind of dispute. */
export type ComplaintProfile = (typeof COMPLAINT_PROFILES)[number];

/** What the texts of a complaint are written from. */
interface Facts {
  holder: DemoRightsHolder;
  right: DemoRight;
  respondent: string;
  /** The respondent without its company suffix ("Yiwu Star Trading"). */
  short: string;
  platform?: string;
  fair?: string;
}

type Text = (f: Facts) => string;

/** How each profile draws its facts and writes its texts. */
interface ProfileSpec {
  ipTypes: readonly IpType[];
  /** Which rights holders file this kind of complaint. */
  holders?: (h: DemoRightsHolder) => boolean;
  place?: 'online' | 'fair' | 'either';
  amount: readonly [number, number];
  repeatShare: number;
  titles: readonly Text[];
  descriptions: readonly Text[];
  facts: (rng: DemoRandom, f: Facts, repeat: boolean) => Partial<Complaint>;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** The noun with its indefinite article ("an electric kettle"). */
const a = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
const kindOf = (ipType: IpType) =>
  ({
    inventionPatent: 'invention patent',
    utilityModel: 'utility model',
    designPatent: 'design patent',
    trademark: 'registered mark',
    copyright: 'copyright',
    tradeSecret: 'trade secret',
    icLayout: 'IC layout design',
    other: 'right',
  })[ipType];
const evidence = (rng: DemoRandom, damagesShare: number) => ({
  hasRightCertificate: true,
  hasInfringementProof: rng.chance(0.95),
  hasDamagesProof: rng.chance(damagesShare),
});
const remedies = (...list: (Remedy | false)[]): Remedy[] => list.filter((r): r is Remedy => r !== false);

const PROFILES: Readonly<Record<ComplaintProfile, ProfileSpec>> = {
  designOnline: {
    ipTypes: ['designPatent'],
    place: 'online',
    amount: [20_000, 250_000],
    repeatShare: 0.25,
    titles: [
      (f) => `${cap(f.right.item)} design copied in a ${f.platform} listing`,
      (f) => `Copies of our ${f.right.item} sold on ${f.platform}`,
      (f) => `${f.platform} store of ${f.short} sells a look-alike ${f.right.item}`,
    ],
    descriptions: [
      (f) =>
        `Our registered design ${f.right.number} for the ${f.right.item} is reproduced in every visible feature by a product sold in the ${f.platform} listing below. We bought a sample and hold the order, photos and a side-by-side comparison.`,
      (f) =>
        `A ${f.platform} store run by ${f.respondent} offers ${a(f.right.item)} whose shape and surface pattern copy our design patent ${f.right.number} (${f.right.title}). The test purchase, screenshots of the listing and the certificate are attached.`,
    ],
    facts: (rng) => ({
      claim: {
        amountCny: 0,
        remedies: remedies('cease', 'takedown', rng.chance(0.7) && 'damages'),
      },
      consents: { mediation: rng.chance(0.3), arbitrationAgreement: false },
      evidence: evidence(rng, 0.6),
    }),
  },
  designFair: {
    ipTypes: ['designPatent'],
    place: 'fair',
    amount: [50_000, 400_000],
    repeatShare: 0.2,
    titles: [
      (f) => `${cap(f.right.item)} design shown at the ${f.fair}`,
      (f) => `Exhibitor copies our ${f.right.item} at the ${f.fair}`,
    ],
    descriptions: [
      (f) =>
        `An exhibitor at the ${f.fair}, ${f.respondent}, showed ${a(f.right.item)} that copies our registered design ${f.right.number}. We photographed the booth and collected the brochure and the price list.`,
      (f) =>
        `At the ${f.fair} ${f.respondent} took orders for ${a(f.right.item)} identical in overall visual impression to our design patent ${f.right.number} (${f.right.title}). Photos of the stand, the catalogue and a notarised purchase are attached.`,
    ],
    facts: (rng) => ({
      claim: { amountCny: 0, remedies: remedies('cease', 'damages') },
      consents: { mediation: rng.chance(0.4), arbitrationAgreement: false },
      evidence: evidence(rng, 0.5),
    }),
  },
  patentFast: {
    ipTypes: ['utilityModel', 'inventionPatent'],
    place: 'either',
    amount: [80_000, 600_000],
    repeatShare: 0.2,
    titles: [
      (f) =>
        f.platform
          ? `${cap(f.right.item)} on ${f.platform} practises our ${kindOf(f.right.ipType)}`
          : `Exhibitor at the ${f.fair} shows a copy of our ${f.right.item}`,
    ],
    descriptions: [
      (f) =>
        `The ${f.right.item} offered by ${f.respondent}${f.platform ? ` on ${f.platform}` : ` at the ${f.fair}`} uses every feature of claim 1 of our ${kindOf(f.right.ipType)} ${f.right.number} (${f.right.title}). We ask the protection center for a rapid determination.`,
    ],
    facts: (rng, f) => ({
      claim: { amountCny: 0, remedies: remedies('cease', f.platform ? 'takedown' : 'damages') },
      consents: { mediation: rng.chance(0.3), arbitrationAgreement: false },
      evidence: evidence(rng, 0.5),
    }),
  },
  counterfeit: {
    ipTypes: ['trademark'],
    amount: [300_000, 2_500_000],
    repeatShare: 0.45,
    titles: [
      (f) => `Counterfeit ${f.right.item} sold at scale under our mark`,
      (f) => `Warehouse of ${f.short} supplies fake ${f.right.item} to online shops`,
      (f) => `Counterfeit ${f.right.item} in wholesale markets`,
    ],
    descriptions: [
      (f) =>
        `Warehouses of ${f.respondent} supply counterfeit ${f.right.item} bearing our registered mark ${f.right.number} to shops across the country; test purchases show fake batch codes and copied packaging.`,
      (f) =>
        `We found counterfeit ${f.right.item} under our mark ${f.right.number} in several wholesale markets, all traced to ${f.respondent}. Seized samples, lab reports and invoices are attached.`,
    ],
    facts: (rng, _f, repeat) => ({
      claim: { amountCny: 0, remedies: remedies('cease', 'damages') },
      consents: { mediation: false, arbitrationAgreement: false },
      counterfeitingAtScale: true,
      ...(repeat || rng.chance(0.2) ? { repeatInfringer: true } : {}),
      respondentCount: rng.int(1, 4),
      evidence: evidence(rng, 0.4),
    }),
  },
  patentAdmin: {
    ipTypes: ['utilityModel', 'inventionPatent', 'designPatent'],
    amount: [100_000, 900_000],
    repeatShare: 0.2,
    titles: [
      (f) => `Request for administrative adjudication: ${f.right.item} infringes ${f.right.number}`,
      (f) => `${cap(f.right.item)} made by ${f.short} infringes our ${kindOf(f.right.ipType)}`,
    ],
    descriptions: [
      (f) =>
        `${f.respondent} manufactures and sells ${a(f.right.item)} that falls within the scope of our ${kindOf(f.right.ipType)} ${f.right.number} (${f.right.title}). We request the market-regulation office to adjudicate and order it to stop.`,
    ],
    facts: (rng) => ({
      claim: { amountCny: 0, remedies: remedies('cease', rng.chance(0.5) && 'damages') },
      consents: { mediation: rng.chance(0.2), arbitrationAgreement: false },
      evidence: evidence(rng, 0.5),
    }),
  },
  patentLitigation: {
    ipTypes: ['inventionPatent', 'icLayout', 'tradeSecret'],
    holders: (h) => !h.sme || h.hasCounsel,
    amount: [1_000_000, 25_000_000],
    repeatShare: 0.1,
    titles: [
      (f) =>
        f.right.ipType === 'tradeSecret'
          ? `Former employees took our ${f.right.item} to ${f.short}`
          : f.right.ipType === 'icLayout'
            ? `Layout of our ${f.right.item} copied in a ${f.short} chip`
            : `${cap(f.right.item)} of ${f.short} practises our invention patent`,
    ],
    descriptions: [
      (f) =>
        f.right.ipType === 'tradeSecret'
          ? `Two employees who left us last year now work for ${f.respondent}, which released a product built on our ${f.right.item} (${f.right.number}) within months. Access logs and the confidentiality agreements are attached.`
          : `${f.respondent} makes and sells ${a(f.right.item)} that reproduces our ${kindOf(f.right.ipType)} ${f.right.number} (${f.right.title}). It continued after our warning letter; we ask for an injunction and damages.`,
    ],
    facts: (rng) => {
      const wilful = rng.chance(0.4);
      return {
        claim: { amountCny: 0, remedies: remedies('cease', 'damages', wilful && 'punitive') },
        consents: { mediation: rng.chance(0.2), arbitrationAgreement: false },
        ...(wilful ? { wilful: true } : {}),
        ...(rng.chance(0.6) ? { injunctionRequested: true } : {}),
        ...(rng.chance(0.15) ? { foreignRelated: true } : {}),
        respondentCount: rng.int(1, 2),
        evidence: evidence(rng, 0.8),
      };
    },
  },
  trademarkLitigation: {
    ipTypes: ['trademark', 'copyright'],
    amount: [100_000, 1_500_000],
    repeatShare: 0.2,
    titles: [
      (f) =>
        f.right.ipType === 'trademark'
          ? `${cap(f.right.item)} mark used on competing goods by ${f.short}`
          : `Unlicensed copies of the ${f.right.item} distributed by ${f.short}`,
    ],
    descriptions: [
      (f) =>
        `${f.respondent} uses our ${kindOf(f.right.ipType)} ${f.right.number} (${f.right.title}) on goods and promotion without a licence, despite our warning letter. We ask the court for an order to stop and for damages.`,
    ],
    facts: (rng) => ({
      claim: { amountCny: 0, remedies: remedies('cease', 'damages', rng.chance(0.3) && 'apology') },
      consents: { mediation: rng.chance(0.5), arbitrationAgreement: false },
      evidence: evidence(rng, 0.7),
    }),
  },
  mediationSmall: {
    ipTypes: ['trademark', 'copyright', 'designPatent', 'other'],
    amount: [10_000, 150_000],
    repeatShare: 0.1,
    titles: [
      (f) =>
        ({
          trademark: `${cap(f.right.item)} mark on a shop sign and packaging`,
          copyright: `${cap(f.right.item)} reused by ${f.short} without permission`,
          designPatent: `Look-alike ${f.right.item} in a ${f.short} store`,
          other: `${cap(f.right.item)} label used for goods from elsewhere`,
        })[f.right.ipType as 'trademark' | 'copyright' | 'designPatent' | 'other'],
    ],
    descriptions: [
      (f) =>
        `${f.respondent} uses our ${kindOf(f.right.ipType)} ${f.right.number} (${f.right.title}) without permission. We have photos and purchase receipts and would prefer to settle this through mediation.`,
    ],
    facts: (rng) => ({
      claim: {
        amountCny: 0,
        remedies: remedies('cease', rng.chance(0.7) && 'damages', rng.chance(0.3) && 'apology'),
      },
      consents: { mediation: true, arbitrationAgreement: false },
      evidence: evidence(rng, 0.5),
    }),
  },
  licence: {
    ipTypes: ['copyright', 'tradeSecret', 'trademark', 'other'],
    holders: (h) => h.type === 'enterprise',
    amount: [300_000, 5_000_000],
    repeatShare: 0,
    titles: [
      (f) =>
        ({
          copyright: `${cap(f.right.item)} used beyond the licence term`,
          tradeSecret: `Licensee discloses our ${f.right.item} in breach of the agreement`,
          trademark: `Former franchisee keeps using the ${f.right.item} name`,
          other: `Licensed ${f.right.item} multiplied beyond the agreed quantity`,
        })[f.right.ipType as 'copyright' | 'tradeSecret' | 'trademark' | 'other'],
    ],
    descriptions: [
      (f) =>
        `${f.respondent} keeps exploiting our ${kindOf(f.right.ipType)} ${f.right.number} (${f.right.title}) outside the terms of our licence agreement, which refers all disputes to the Beijing Arbitration Commission. We claim licence fees and damages.`,
    ],
    facts: (rng) => ({
      claim: { amountCny: 0, remedies: remedies('cease', 'damages') },
      consents: { mediation: rng.chance(0.3), arbitrationAgreement: true },
      evidence: evidence(rng, 0.8),
    }),
  },
  association: {
    ipTypes: ['utilityModel', 'designPatent'],
    amount: [30_000, 200_000],
    repeatShare: 0,
    titles: [(f) => `Fellow association member copies our ${f.right.item}`],
    descriptions: [
      (f) =>
        `${f.respondent}, a fellow member of the Zhongguancun Industrial Design Association, sells ${a(f.right.item)} using our ${kindOf(f.right.ipType)} ${f.right.number}. We would like the association to handle it among its members first.`,
    ],
    facts: (rng) => ({
      claim: { amountCny: 0, remedies: remedies('cease', 'apology') },
      consents: { mediation: true, arbitrationAgreement: false },
      sameAssociation: { name: 'Zhongguancun Industrial Design Association' },
      evidence: evidence(rng, 0.3),
    }),
  },
  legalAid: {
    ipTypes: ['copyright', 'other', 'trademark', 'designPatent'],
    holders: (h) => h.type === 'individual' || (h.sme && !h.hasCounsel),
    amount: [5_000, 60_000],
    repeatShare: 0,
    titles: [
      (f) => `${cap(f.right.item)} used by ${f.short} without permission`,
      (f) => `Help needed: ${f.right.item} copied by ${f.short}`,
    ],
    descriptions: [
      (f) =>
        `${f.respondent} uses our ${f.right.item} (${f.right.number}) without permission. We have no lawyer and ask for help to have the use stopped and to be paid for it.`,
    ],
    facts: (rng) => ({
      claim: { amountCny: 0, remedies: remedies('cease', 'damages') },
      consents: { mediation: rng.chance(0.5), arbitrationAgreement: false },
      hasCounsel: false,
      legalAidRequested: true,
      evidence: evidence(rng, 0.2),
    }),
  },
  ignoredDecision: {
    ipTypes: ['designPatent', 'trademark'],
    amount: [100_000, 500_000],
    repeatShare: 0.6,
    titles: [
      (f) => `Ignored cease order for copied ${f.right.item}`,
      (f) => `${f.short} keeps selling ${f.right.item} copies despite a decision`,
    ],
    descriptions: [
      (f) =>
        `${f.respondent} was ordered last year to stop selling copies of our ${f.right.item} (${f.right.number}) but still offers them in its showroom and online. We ask for the decision to be enforced and disclosed.`,
    ],
    facts: (rng, _f, repeat) => ({
      claim: { amountCny: 0, remedies: remedies('cease', 'damages') },
      consents: { mediation: false, arbitrationAgreement: false },
      priorDecisionIgnored: true,
      ...(repeat ? { repeatInfringer: true } : {}),
      evidence: evidence(rng, 0.6),
    }),
  },
};

/** The rights a profile can be filed on: each holder's rights of the profile's IP types. */
function candidates(profile: ComplaintProfile): { holder: DemoRightsHolder; right: DemoRight }[] {
  const spec = PROFILES[profile];
  return DEMO_RIGHTS_HOLDERS.filter((h) => spec.holders?.(h) ?? true).flatMap((holder) =>
    holder.rights.filter((r) => spec.ipTypes.includes(r.ipType)).map((right) => ({ holder, right })),
  );
}

/** A whole-thousand amount between the bounds, smaller amounts more likely (log-uniform). */
function amountBetween(rng: DemoRandom, [min, max]: readonly [number, number]): number {
  const value = Math.exp(rng.between(Math.log(min), Math.log(max)));
  return Math.round(value / 1000) * 1000;
}

/** A drawn demo complaint and the account that files it. */
export interface DemoComplaint {
  complaint: Complaint;
  filer: DemoRightsHolder['filer'];
}

/**
 * Draws a complaint of a profile: a rights holder and right of a fitting IP type, a respondent (now
 * and then a repeat infringer), an amount, the place of infringement and the texts. With
 * `linkRespondent` the complaint names the e-mail of the respondent company's own demo account, so
 * that account answers.
 */
export function demoComplaint(
  rng: DemoRandom,
  profile: ComplaintProfile,
  opts: { linkRespondent: boolean; ipType?: IpType },
): DemoComplaint {
  const spec = PROFILES[profile];
  const all = candidates(profile);
  const fitting = opts.ipType ? all.filter((c) => c.right.ipType === opts.ipType) : all;
  const { holder, right } = rng.pick(fitting.length > 0 ? fitting : all);
  const respondent = demoRespondentName(rng, {
    repeatShare: spec.repeatShare,
    individualShare: profile === 'mediationSmall' || profile === 'legalAid' ? 0.3 : 0.05,
  });
  const online = spec.place === 'online' || (spec.place === 'either' && rng.chance(0.6));
  const where = DEMO_PLATFORMS[rng.int(0, DEMO_PLATFORMS.length - 1)]!;
  const facts: Facts = {
    holder,
    right,
    respondent: respondent.name,
    short: respondent.name.replace(/ Co\., Ltd\.$/, ''),
    ...(spec.place && online ? { platform: where.platform } : {}),
    ...(spec.place && !online ? { fair: rng.pick(DEMO_TRADE_FAIRS) } : {}),
  };
  const drawn = spec.facts(rng, facts, respondent.repeat);
  const complaint: Complaint = {
    title: rng.pick(spec.titles)(facts),
    description: rng.pick(spec.descriptions)(facts),
    ipType: right.ipType,
    rights: [{ number: right.number, title: right.title }],
    industry: holder.industry,
    complainant: { name: holder.name, type: holder.type, sme: holder.sme },
    respondent: {
      name: respondent.name,
      type: respondent.type,
      // the company's own demo account answers (`demoRespondentAccounts.ts`)
      ...(opts.linkRespondent ? { email: demoRespondentAccount(respondent.name).email } : {}),
    },
    ...(facts.platform
      ? {
          ecommerce: {
            platform: facts.platform,
            listingUrl: where.listing(String(rng.int(10_000_000, 99_999_999))),
          },
        }
      : {}),
    ...(facts.fair ? { tradeFair: { name: facts.fair } } : {}),
    hasCounsel: holder.hasCounsel,
    ...drawn,
    claim: { amountCny: amountBetween(rng, spec.amount), remedies: drawn.claim?.remedies ?? ['cease'] },
    consents: drawn.consents ?? { mediation: false, arbitrationAgreement: false },
  };
  return { complaint, filer: holder.filer };
}

/** Whether a profile can be filed at all (every profile has at least one fitting right). */
export function profileCandidates(profile: ComplaintProfile): number {
  return candidates(profile).length;
}
