import type { DocumentLang } from '../../shared/documents/documentKinds.js';

type Pair = readonly [zh: string, en: string];

const CHANNELS: Record<string, Pair> = {
  administrative: ['行政裁处', 'administrative adjudication'],
  judicial: ['司法诉讼', 'court proceedings'],
  mediation: ['调解', 'mediation'],
  arbitration: ['仲裁', 'arbitration'],
  legalServices: ['法律服务', 'legal services'],
  socialSupervision: ['社会监督', 'social supervision'],
  industrySelfRegulation: ['行业自律', 'industry self-regulation'],
};

const IP_TYPES: Record<string, Pair> = {
  inventionPatent: ['发明专利', 'invention patent'],
  utilityModel: ['实用新型', 'utility model'],
  designPatent: ['外观设计', 'design patent'],
  trademark: ['商标', 'trademark'],
  copyright: ['著作权', 'copyright'],
  tradeSecret: ['商业秘密', 'trade secret'],
  icLayout: ['集成电路布图设计', 'IC layout design'],
  other: ['其他', 'other'],
};

const STATUSES: Record<string, Pair> = {
  screening: ['审查中', 'screening'],
  awaitingInfo: ['待补正', 'awaiting information'],
  triage: ['分流中', 'triage'],
  inChannel: ['办理中', 'in procedure'],
  resolved: ['已解决', 'resolved'],
  compliance: ['履行监督', 'compliance'],
  closed: ['已结案', 'closed'],
};

const CLOSURES: Record<string, Pair> = {
  settled: ['调解结案', 'settled'],
  awarded: ['裁决结案', 'award rendered'],
  judged: ['判决结案', 'judgment rendered'],
  decided: ['决定结案', 'decision made'],
  withdrawn: ['撤回', 'withdrawn'],
  rejected: ['不予受理', 'rejected'],
  lapsed: ['逾期未补正', 'lapsed'],
  transferredOut: ['转出', 'transferred out'],
  appealed: ['已上诉', 'appealed'],
};

const REMEDIES: Record<string, Pair> = {
  cease: ['责令停止侵权', 'order to cease the infringement'],
  takedown: ['删除、屏蔽或断开链接', 'take down the listing'],
  apology: ['赔礼道歉', 'apology'],
  disclosure: ['公开信息', 'disclosure'],
  none: ['不采取措施', 'no measure'],
  confiscateAndFine: ['没收并罚款', 'confiscation and fine'],
  agreement: ['依调解协议', 'as agreed'],
};

const pick = (table: Record<string, Pair>, key: string | null | undefined, lang: DocumentLang): string => {
  if (!key) return lang === 'zh-CN' ? '—' : '—';
  const pair = table[key];
  return pair ? pair[lang === 'zh-CN' ? 0 : 1] : key;
};

/** The words of a document in its language. */
export const labelOf = {
  channel: (key: string | null | undefined, lang: DocumentLang) => pick(CHANNELS, key, lang),
  ipType: (key: string | null | undefined, lang: DocumentLang) => pick(IP_TYPES, key, lang),
  status: (key: string | null | undefined, lang: DocumentLang) => pick(STATUSES, key, lang),
  closure: (key: string | null | undefined, lang: DocumentLang) => pick(CLOSURES, key, lang),
  remedy: (key: string | null | undefined, lang: DocumentLang) => pick(REMEDIES, key, lang),
};

/** `zh` or `en`, by the document's language. */
export const say = (lang: DocumentLang, zh: string, en: string): string => (lang === 'zh-CN' ? zh : en);

/** An amount of money: 人民币 50,000 元 / CNY 50,000. */
export function money(amount: number, lang: DocumentLang): string {
  const figure = amount.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return lang === 'zh-CN' ? `人民币 ${figure} 元` : `CNY ${figure}`;
}

/** An instant in Beijing time, with the zone said: 2025-09-22 10:00 (北京时间 / Beijing time). */
export function beijingTime(at: Date | string, lang: DocumentLang): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const stamp = `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
  return lang === 'zh-CN' ? `${stamp}（北京时间）` : `${stamp} (Beijing time)`;
}
