/**
 * An estimate of infringement damages by the statutory order of methods, for the people on a case
 * (officers, judges, arbitrators, the parties): the rights holder's actual loss, else the infringer's
 * profits, else a reasonable multiple of the licence fee, else statutory damages within the range the
 * law sets for the kind of right; punitive damages 1–5 times that base only for wilful infringement in
 * serious circumstances; the reasonable expenses of stopping the infringement on top. Every figure says
 * how it was reached and on what legal basis. Pure: the same inputs give the same estimate.
 */
import type { IpType } from '../vocabulary.js';

/** How the compensatory amount was determined. */
export type DamagesMethod = 'actualLoss' | 'infringerProfit' | 'licenceFee' | 'statutory';

/** What the calculator is given (amounts in CNY; what is unknown is left out). */
export interface DamagesInput {
  ipType: IpType;
  /** The rights holder's actual loss, when it can be determined. */
  actualLossCny?: number;
  /** The infringer's profits from the infringement, when they can be determined. */
  infringerProfitCny?: number;
  /** A reasonable licence fee for the use made, when one can be shown (e.g. a licence contract). */
  licenceFeeCny?: number;
  /** The multiple of the licence fee the facts justify (1–3 in practice; default 1). */
  licenceMultiple?: number;
  /** Statutory damages asked for or proposed, when no method above applies. */
  statutoryCny?: number;
  /** Reasonable expenses of stopping the infringement (lawyers' fees, notarised purchases). */
  expensesCny?: number;
  wilful?: boolean;
  seriousCircumstances?: boolean;
  /** The punitive multiple of the base (1–5). */
  punitiveMultiple?: number;
}

/** One line of the estimate: what it is, the amount, and the law it rests on. */
export interface DamagesStep {
  /** Stable code, for a translated sentence: `method.actualLoss`, `punitive.notWilful`, … */
  code: string;
  amountCny: number | null;
  /** The provision, as it is cited. */
  basis: string;
  /** Numbers the sentence names (a range, a multiple). */
  params?: Record<string, number>;
}

/** The estimate. */
export interface DamagesEstimate {
  method: DamagesMethod | null;
  /** The compensatory damages (the punitive base, unless statutory). */
  compensatoryCny: number;
  punitiveCny: number;
  expensesCny: number;
  totalCny: number;
  steps: DamagesStep[];
}

/** The statutory provisions per kind of right: the order of methods and the statutory range. */
interface DamagesLaw {
  statute: string;
  /** Whether a licence-fee multiple is a statutory method for this right. */
  licenceFee: boolean;
  statutory: { min: number; max: number } | null;
  punitive: string;
}

const PATENT: DamagesLaw = {
  statute: 'Patent Law (2020) art. 71',
  licenceFee: true,
  statutory: { min: 30_000, max: 5_000_000 },
  punitive: 'Patent Law (2020) art. 71; 法释〔2021〕4号',
};

/** The law of damages for each kind of right. */
export const DAMAGES_LAW: Readonly<Record<IpType, DamagesLaw>> = {
  inventionPatent: PATENT,
  utilityModel: PATENT,
  designPatent: PATENT,
  trademark: {
    statute: 'Trademark Law (2019) art. 63',
    licenceFee: true,
    statutory: { min: 0, max: 5_000_000 },
    punitive: 'Trademark Law (2019) art. 63; 法释〔2021〕4号',
  },
  copyright: {
    statute: 'Copyright Law (2020) art. 54',
    licenceFee: true,
    statutory: { min: 500, max: 5_000_000 },
    punitive: 'Copyright Law (2020) art. 54; 法释〔2021〕4号',
  },
  tradeSecret: {
    statute: 'Anti-Unfair Competition Law (2019) art. 17; 法释〔2020〕7号 art. 20',
    licenceFee: true,
    statutory: { min: 0, max: 5_000_000 },
    punitive: 'Anti-Unfair Competition Law (2019) art. 17; 法释〔2021〕4号',
  },
  icLayout: {
    statute: 'Regulations on the Protection of Layout-Designs of Integrated Circuits art. 31',
    licenceFee: false,
    statutory: null,
    punitive: 'Civil Code art. 1185; 法释〔2021〕4号',
  },
  other: {
    statute: 'Civil Code arts. 1182, 1184',
    licenceFee: false,
    statutory: null,
    punitive: 'Civil Code art. 1185; 法释〔2021〕4号',
  },
};

const known = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;
const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/** Estimates the damages of an infringement (see the module comment). */
export function estimateDamages(input: DamagesInput): DamagesEstimate {
  const law = DAMAGES_LAW[input.ipType];
  const steps: DamagesStep[] = [];
  let method: DamagesMethod | null = null;
  let compensatory = 0;
  if (known(input.actualLossCny)) {
    method = 'actualLoss';
    compensatory = input.actualLossCny;
    steps.push({ code: 'method.actualLoss', amountCny: compensatory, basis: law.statute });
  } else if (known(input.infringerProfitCny)) {
    method = 'infringerProfit';
    compensatory = input.infringerProfitCny;
    steps.push({ code: 'method.infringerProfit', amountCny: compensatory, basis: law.statute });
  } else if (law.licenceFee && known(input.licenceFeeCny)) {
    method = 'licenceFee';
    const multiple = clamp(input.licenceMultiple ?? 1, 1, 3);
    compensatory = Math.round(input.licenceFeeCny * multiple);
    steps.push({
      code: 'method.licenceFee',
      amountCny: compensatory,
      basis: law.statute,
      params: { fee: input.licenceFeeCny, multiple },
    });
  } else if (law.statutory) {
    method = 'statutory';
    const { min, max } = law.statutory;
    compensatory = clamp(known(input.statutoryCny) ? input.statutoryCny : min, min, max);
    steps.push({
      code: 'method.statutory',
      amountCny: compensatory,
      basis: law.statute,
      params: { min, max },
    });
  } else {
    steps.push({ code: 'method.none', amountCny: null, basis: law.statute });
  }

  let punitive = 0;
  const multiple = clamp(Math.round(input.punitiveMultiple ?? 1), 1, 5);
  if (!input.wilful) {
    steps.push({ code: 'punitive.notWilful', amountCny: 0, basis: law.punitive });
  } else if (!input.seriousCircumstances) {
    steps.push({ code: 'punitive.notSerious', amountCny: 0, basis: law.punitive });
  } else if (method === 'statutory' || method === null) {
    // 法释〔2021〕4号 art. 5: statutory damages are no base for punitive damages
    steps.push({ code: 'punitive.noBase', amountCny: 0, basis: `${law.punitive} art. 5` });
  } else {
    punitive = compensatory * multiple;
    steps.push({
      code: 'punitive.awarded',
      amountCny: punitive,
      basis: `${law.punitive} arts. 5, 6`,
      params: { base: compensatory, multiple },
    });
  }

  const expenses = known(input.expensesCny) ? input.expensesCny : 0;
  if (expenses > 0) steps.push({ code: 'expenses', amountCny: expenses, basis: law.statute });
  const total = compensatory + punitive + expenses;
  steps.push({ code: 'total', amountCny: total, basis: law.statute });
  return {
    method,
    compensatoryCny: compensatory,
    punitiveCny: punitive,
    expensesCny: expenses,
    totalCny: total,
    steps,
  };
}
