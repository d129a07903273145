/**
 * The legal clocks a case can run: one table with durations, extensions and sources, and the
 * computation of due instants, warnings and status. Period semantics are those of `calendar.ts`
 * (first day not counted, periods end at 23:59:59.999 Beijing time, art. 85 holiday extension).
 */
import { instantMs, periodEndsAt, periodLastDay, type DateInput, type PeriodUnit } from './calendar.js';
import { CLOCK_IDS, type ClockId } from './clockIds.js';

/** Unit of a clock's duration. */
export type ClockUnit = PeriodUnit;

/** A duration: an amount of a unit. */
export interface ClockDuration {
  readonly amount: number;
  readonly unit: ClockUnit;
}

/** One clock: its default duration, the largest extension allowed, what expiry does, and why. */
export interface ClockDefinition extends ClockDuration {
  readonly id: ClockId;
  /** English label. */
  readonly label: string;
  /** Chinese label. */
  readonly labelZh: string;
  /** The largest total extension allowed; absent when the clock cannot be extended. */
  readonly maxExtension?: ClockDuration;
  /** Short English description of what happens when the clock expires. */
  readonly onExpiry: string;
  /** Legal or policy source of the duration. */
  readonly source: string;
}

/** Level of a clock notification: at 50% and 80% of the clock, and at breach. */
export type ClockWarningLevel = 'warning50' | 'warning80' | 'breach';

/** A scheduled clock notification. */
export interface ClockWarning {
  readonly level: ClockWarningLevel;
  /** ISO instant (UTC) the notification is due. */
  readonly at: string;
}

/** Status of a running clock, for dashboard colours. */
export type ClockStatus = 'onTrack' | 'atRisk50' | 'atRisk80' | 'breached';

/** Status of a running clock and the milliseconds left until due (negative once overdue). */
export interface ClockStatusResult {
  readonly status: ClockStatus;
  readonly remainingMs: number;
}

/**
 * Court-entrusted mediation: 15 / 7 days, continued with every party's consent (the extension is not
 * counted in the trial period); one extension of at most the original period is the platform's reading.
 */
const LITIGATION_MEDIATION_SOURCE =
  'SPC Provisions on Several Issues concerning Civil Mediation by the People’s Courts ' +
  '(法释〔2004〕12号, amended by 法释〔2020〕20号) art. 4: mediation may continue with every party’s ' +
  'consent; one extension of at most the original period is a Sevenfold platform reading';

/** Every clock, by id. Defaults from the design brief's "Clocks" table. */
export const CLOCKS: Readonly<Record<ClockId, ClockDefinition>> = {
  screeningDecision: {
    id: 'screeningDecision',
    label: 'Screening decision',
    labelZh: '立案审查决定',
    amount: 5,
    unit: 'workingDays',
    onExpiry: 'Screening is overdue; the case is escalated to a supervising officer.',
    source: 'CNIPA Measures for the Administrative Adjudication of Major Patent Infringement Disputes (2021)',
  },
  infoRequest: {
    id: 'infoRequest',
    label: 'Complainant supplies missing information',
    labelZh: '补正材料',
    amount: 10,
    unit: 'workingDays',
    onExpiry: 'The complaint lapses (deemed withdrawn).',
    source: 'Sevenfold rule, cf. the UDRP 5-day deficiency window (UDRP Rules para. 4)',
  },
  mediatorAcceptance: {
    id: 'mediatorAcceptance',
    label: 'Mediator accepts the assignment',
    labelZh: '调解员接受指派',
    amount: 2,
    unit: 'workingDays',
    onExpiry: 'The unaccepted assignment is withdrawn and the case is reassigned.',
    source: 'Sevenfold platform rule',
  },
  mediatorAssignment: {
    id: 'mediatorAssignment',
    label: 'A mediator is assigned',
    labelZh: '指派调解员',
    amount: 3,
    unit: 'workingDays',
    onExpiry:
      'No mediator is assigned yet: the case is escalated to the platform admin and the holding organisation, who assign an eligible mediator.',
    source: 'Sevenfold platform rule (no statute fixes it)',
  },
  mediationConsent: {
    id: 'mediationConsent',
    label: 'Respondent consents to mediation',
    labelZh: '被请求人同意调解',
    amount: 7,
    unit: 'days',
    onExpiry: 'Silence is a refusal to mediate: the mediation fails and the case can be transferred.',
    source:
      'Sevenfold platform rule: no statute fixes the period; mediation needs the parties’ consent and ' +
      'ends when one refuses (People’s Mediation Law arts. 3 and 17)',
  },
  respondentAnswer: {
    id: 'respondentAnswer',
    label: 'Respondent answer',
    labelZh: '被请求人答辩',
    amount: 15,
    unit: 'days',
    onExpiry: "The case proceeds without the respondent's answer.",
    source:
      'CNIPA Measures for the Administrative Adjudication of Major Patent Infringement Disputes (2021); in court, Civil Procedure Law (2023) art. 128 (15 days from service of the complaint)',
  },
  mediation: {
    id: 'mediation',
    label: 'Mediation',
    labelZh: '调解期限',
    amount: 30,
    unit: 'days',
    maxExtension: { amount: 90, unit: 'days' },
    onExpiry: 'Mediation ends without agreement and the case returns for routing.',
    source:
      'Pre-litigation mediation practice: 30 days from the mediator’s acceptance of the assignment; ' +
      'extended by the length both parties agree to (People’s Mediation Law arts. 3 and 23: mediation ' +
      'rests on the parties’ will, no statutory cap). The 90-day bound on the extension is a Sevenfold ' +
      'platform rule, not a legal cap',
  },
  litigationMediationOrdinary: {
    id: 'litigationMediationOrdinary',
    label: 'Mediation in litigation (ordinary procedure)',
    labelZh: '诉讼调解（普通程序）',
    amount: 15,
    unit: 'days',
    maxExtension: { amount: 15, unit: 'days' },
    onExpiry: 'Mediation ends unless all parties agree to continue; the court proceeds to judgment.',
    source: LITIGATION_MEDIATION_SOURCE,
  },
  litigationMediationSummary: {
    id: 'litigationMediationSummary',
    label: 'Mediation in litigation (summary procedure)',
    labelZh: '诉讼调解（简易程序）',
    amount: 7,
    unit: 'days',
    maxExtension: { amount: 7, unit: 'days' },
    onExpiry: 'Mediation ends unless all parties agree to continue; the court proceeds to judgment.',
    source: LITIGATION_MEDIATION_SOURCE,
  },
  confirmationApplication: {
    id: 'confirmationApplication',
    label: 'Application for judicial confirmation',
    labelZh: '申请司法确认',
    amount: 30,
    unit: 'days',
    onExpiry: 'The parties can no longer apply for judicial confirmation of the mediation agreement.',
    source:
      'Civil Procedure Law (2023 amendment) art. 205; SPC Interpretation of the CPL art. 351: both ' +
      'parties apply jointly within 30 days of the agreement taking effect',
  },
  confirmationRuling: {
    id: 'confirmationRuling',
    label: 'Court rules on judicial confirmation',
    labelZh: '司法确认裁定',
    amount: 15,
    unit: 'days',
    maxExtension: { amount: 10, unit: 'days' },
    onExpiry: 'The confirmation ruling is overdue; the case is flagged for follow-up with the court.',
    source: 'SPC Provisions on Judicial Confirmation of People’s Mediation Agreements, 法释〔2011〕5号',
  },
  summaryTrial: {
    id: 'summaryTrial',
    label: 'Summary trial',
    labelZh: '简易程序审限',
    amount: 3,
    unit: 'months',
    maxExtension: { amount: 1, unit: 'months' },
    onExpiry: 'The trial period is exceeded; the case is flagged as overdue.',
    source:
      'Civil Procedure Law (2023) art. 164: 3 months from filing (立案), extended by the court president by at most 1 month (SPC Interpretation of the CPL art. 258)',
  },
  ordinaryTrial: {
    id: 'ordinaryTrial',
    label: 'Ordinary trial',
    labelZh: '普通程序审限',
    amount: 6,
    unit: 'months',
    maxExtension: { amount: 12, unit: 'months' },
    onExpiry: 'The trial period is exceeded; the case is flagged as overdue.',
    source:
      'Civil Procedure Law (2023) art. 152: 6 months from filing (立案; also after conversion from summary procedure, SPC Interpretation of the CPL art. 258), 6 months more by the court president, longer with the higher court (Sevenfold records up to 6 more)',
  },
  adminAdjudication: {
    id: 'adminAdjudication',
    label: 'Administrative adjudication of patent infringement',
    labelZh: '专利侵权纠纷行政裁决',
    amount: 3,
    unit: 'months',
    maxExtension: { amount: 1, unit: 'months' },
    onExpiry: 'The adjudication is overdue; the case is escalated to the head of the authority.',
    source:
      'Patent administrative enforcement rules (专利行政执法办法, CNIPA 2015) art. 21: a patent dispute is decided within 3 months of filing, extendable by 1 month; Patent Law (2020) art. 65',
  },
  trademarkAdminCase: {
    id: 'trademarkAdminCase',
    label: 'Administrative case of trademark infringement',
    labelZh: '商标侵权行政处罚案件',
    amount: 90,
    unit: 'days',
    maxExtension: { amount: 30, unit: 'days' },
    onExpiry:
      'The decision is overdue; further extension needs a collective decision of the authority’s heads.',
    source:
      'SAMR Provisions on the Procedure for Administrative Penalties (市场监督管理行政处罚程序规定, 2018, amended 2021 and 2022) art. 64: a decision within 90 days of filing, extendable by 30 days with the head’s approval; Trademark Law art. 60',
  },
  fastTrackDesign: {
    id: 'fastTrackDesign',
    label: 'Fast track, design patent',
    labelZh: '快速协同保护（外观设计）',
    amount: 10,
    unit: 'workingDays',
    onExpiry: 'The fast-track target is missed; the case is escalated within the protection center.',
    source: 'SIPO collaborative protection plan (知识产权快速协同保护)',
  },
  fastTrackPatent: {
    id: 'fastTrackPatent',
    label: 'Fast track, invention or utility model',
    labelZh: '快速协同保护（发明、实用新型）',
    amount: 1,
    unit: 'months',
    onExpiry: 'The fast-track target is missed; the case is escalated within the protection center.',
    source: 'SIPO collaborative protection plan (知识产权快速协同保护)',
  },
  ecommerceSellerResponse: {
    id: 'ecommerceSellerResponse',
    label: 'E-commerce seller response',
    labelZh: '平台内经营者声明',
    amount: 3,
    unit: 'workingDays',
    onExpiry: 'No counter-notice: the takedown stays in place.',
    source: 'E-commerce platform practice',
  },
  ecommerceRestore: {
    id: 'ecommerceRestore',
    label: 'Restore after counter-notice',
    labelZh: '声明后恢复',
    amount: 15,
    unit: 'days',
    onExpiry:
      'No complaint or lawsuit notified by the right holder: the platform ends the takedown measures.',
    source: 'E-Commerce Law art. 43',
  },
  arbitrationExpedited: {
    id: 'arbitrationExpedited',
    label: 'Expedited arbitration award',
    labelZh: '快速仲裁裁决',
    amount: 3,
    unit: 'months',
    maxExtension: { amount: 1, unit: 'months' },
    onExpiry: 'The award is overdue; the case is flagged to the arbitration center.',
    source: 'WIPO Expedited Arbitration Rules',
  },
  arbitrationStandard: {
    id: 'arbitrationStandard',
    label: 'Arbitration award',
    labelZh: '仲裁裁决',
    amount: 9,
    unit: 'months',
    maxExtension: { amount: 3, unit: 'months' },
    onExpiry: 'The award is overdue; the case is flagged to the arbitration center.',
    source: 'WIPO Arbitration Rules',
  },
  appealPeriod: {
    id: 'appealPeriod',
    label: 'Appeal against the first-instance judgment',
    labelZh: '上诉期',
    amount: 15,
    unit: 'days',
    onExpiry: 'No appeal: the judgment is final; compliance and the credit register follow.',
    source: 'Civil Procedure Law (2023) art. 171: 15 days from service of the judgment',
  },
  appealPeriodForeign: {
    id: 'appealPeriodForeign',
    label: 'Appeal, party without domicile in China',
    labelZh: '上诉期（涉外）',
    amount: 30,
    unit: 'days',
    onExpiry: 'No appeal: the judgment is final; compliance and the credit register follow.',
    source:
      'Civil Procedure Law (2023) art. 286: 30 days from service for a party with no domicile in the PRC',
  },
  creditObjection: {
    id: 'creditObjection',
    label: 'Objection to a credit-register entry',
    labelZh: '信用信息异议期',
    amount: 15,
    unit: 'workingDays',
    onExpiry: 'No objection: the entry stays as notified.',
    source:
      'Sevenfold platform rule, after the objection and correction procedure of the State Council General Office opinions on credit constraints, 国办发〔2020〕49号',
  },
  creditDisclosure: {
    id: 'creditDisclosure',
    label: 'Public disclosure of a credit-register entry',
    labelZh: '信用信息公示期',
    amount: 36,
    unit: 'months',
    onExpiry: 'The entry is removed from the public register.',
    source:
      'Sevenfold platform rule: 3 years, cf. the reasonable disclosure periods of 国办发〔2020〕49号 and the SAMR Measures on the List of Seriously Illegal and Dishonest Enterprises (2021) art. 22 (3 years)',
  },
};

/** The clock's definition; throws on an unknown id. */
function clock(clockId: ClockId): ClockDefinition {
  const def = (CLOCK_IDS as readonly string[]).includes(clockId) ? CLOCKS[clockId] : undefined;
  if (!def) throw new TypeError(`Unknown clock: ${JSON.stringify(clockId)}`);
  return def;
}

/** Start and due of a clock in epoch milliseconds; due must be after start. */
function span(startedAt: DateInput, dueAt: DateInput): [number, number] {
  const start = instantMs(startedAt);
  const due = instantMs(dueAt);
  if (due <= start)
    throw new RangeError(`dueAt (${String(dueAt)}) must be after startedAt (${String(startedAt)})`);
  return [start, due];
}

/** The instant (epoch ms) at `fraction` of the real time from start to due, rounded down. */
function fractionAt(start: number, due: number, fraction: number): number {
  return start + Math.floor((due - start) * fraction);
}

/**
 * When a clock started at `startedAt` is due, as an ISO instant (UTC). An extension (a duration,
 * or a number of units of the clock's `maxExtension` unit) lengthens the period counted from the
 * start; it must not exceed `maxExtension` and must use its unit.
 */
export function computeDueAt(
  clockId: ClockId,
  startedAt: DateInput,
  extension?: ClockDuration | number,
): string {
  const def = clock(clockId);
  let extra = 0;
  if (extension !== undefined) {
    const ext =
      typeof extension === 'number'
        ? { amount: extension, unit: def.maxExtension?.unit ?? def.unit }
        : extension;
    if (!Number.isInteger(ext.amount) || ext.amount < 0) {
      throw new RangeError(`Extension of clock ${clockId} must be a non-negative integer, got ${ext.amount}`);
    }
    if (ext.amount > 0) {
      const max = def.maxExtension;
      if (!max) throw new RangeError(`Clock ${clockId} cannot be extended`);
      if (ext.unit === 'days' && max.unit === 'months') {
        // an extension of some days on a clock counted in months: at most the month limit in days
        if (ext.amount > max.amount * 31) {
          throw new RangeError(
            `Extension of clock ${clockId} is ${ext.amount} days, more than the maximum of ${max.amount} months`,
          );
        }
        const baseLastDay = periodLastDay(startedAt, def.amount, def.unit);
        return periodEndsAt(`${baseLastDay}T00:00:00+08:00`, ext.amount, 'days');
      }
      if (ext.unit !== max.unit) {
        throw new RangeError(`Extension of clock ${clockId} must be in ${max.unit}, got ${ext.unit}`);
      }
      if (ext.amount > max.amount) {
        throw new RangeError(
          `Extension of clock ${clockId} is ${ext.amount} ${ext.unit}, more than the maximum of ${max.amount} ${max.unit}`,
        );
      }
      extra = ext.amount;
    }
  }
  return periodEndsAt(startedAt, def.amount + extra, def.unit);
}

/**
 * The notifications of a clock: at 50% and 80% of the real time between start and due (rounded
 * down to the millisecond), and the breach at `dueAt`.
 */
export function computeWarnings(clockId: ClockId, startedAt: DateInput, dueAt: DateInput): ClockWarning[] {
  clock(clockId);
  const [start, due] = span(startedAt, dueAt);
  return [
    { level: 'warning50', at: new Date(fractionAt(start, due, 0.5)).toISOString() },
    { level: 'warning80', at: new Date(fractionAt(start, due, 0.8)).toISOString() },
    { level: 'breach', at: new Date(due).toISOString() },
  ];
}

/**
 * The status of a clock at `now`, consistent with `computeWarnings`: `atRisk50` from the 50%
 * instant, `atRisk80` from the 80% instant, `breached` from `dueAt` on; `remainingMs` is
 * `dueAt - now` (negative once overdue).
 */
export function clockStatus(startedAt: DateInput, dueAt: DateInput, now: DateInput): ClockStatusResult {
  const [start, due] = span(startedAt, dueAt);
  const t = instantMs(now);
  let status: ClockStatus = 'onTrack';
  if (t >= due) status = 'breached';
  else if (t >= fractionAt(start, due, 0.8)) status = 'atRisk80';
  else if (t >= fractionAt(start, due, 0.5)) status = 'atRisk50';
  return { status, remainingMs: due - t };
}
