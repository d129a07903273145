import type { CaseContext } from '../../shared/case/caseContext.js';
import type { DocumentKind, DocumentLang } from '../../shared/documents/documentKinds.js';
import { beijingTime, labelOf, money, say } from './documentLabels.js';

/** A signature on the agreement: who, when, and the SHA-256 of the text signed. */
export interface AgreementSignature {
  side: 'complainant' | 'respondent';
  name: string;
  at: string;
  sha256: string;
}

/** The agreement a document sets out: its text, the text's SHA-256 and the signatures on it. */
export interface AgreementFacts {
  text: string;
  sha256: string;
  signatures: AgreementSignature[];
}

/** What a document is rendered from: the case as the event left it, and the event. */
export interface DocumentFacts {
  caseNo: string;
  title: string;
  complainantName: string;
  respondentName: string;
  ipType: string;
  channel: string | null;
  status: string;
  claimCny: number | null;
  filedAt: string;
  /** The organisation holding the case (its name), when one does. */
  orgName: Record<DocumentLang, string> | null;
  context: CaseContext;
  event: { seq: number; type: string; at: string; hash: string; data: Record<string, unknown> };
  agreement?: AgreementFacts | undefined;
}

/** A document laid out as headings, fields and paragraphs (the PDF renderer typesets it). */
export interface DocumentContent {
  title: string;
  fields: [label: string, value: string][];
  sections: { heading?: string; paragraphs: string[]; mono?: boolean }[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The title of each kind, in zh-CN and English. */
export const DOCUMENT_TITLES: Record<DocumentKind, readonly [string, string]> = {
  acceptanceNotice: ['受理通知书', 'Notice of acceptance'],
  rejectionNotice: ['不予受理通知书', 'Notice of rejection'],
  infoRequest: ['补正材料通知书', 'Request for information'],
  mediationInvitation: ['调解邀请书', 'Invitation to mediate'],
  mediationAgreement: ['调解协议书（草案）', 'Mediation agreement (draft)'],
  signedAgreement: ['调解协议书', 'Mediation agreement (signed)'],
  confirmationApplication: ['司法确认申请书', 'Application for judicial confirmation'],
  confirmationRuling: ['司法确认裁定书', 'Ruling on judicial confirmation'],
  takedownNotice: ['电子商务平台删除通知', 'E-commerce takedown notice'],
  restoreNotice: ['电子商务平台恢复通知', 'E-commerce restore notice'],
  administrativeDecision: ['行政裁决书', 'Administrative decision'],
  arbitralAward: ['仲裁裁决书', 'Arbitral award'],
  judgmentSummary: ['判决摘要', 'Judgment summary'],
  closureNotice: ['结案通知书', 'Notice of closure'],
};

/** The document's title in its language. */
export const titleOf = (kind: DocumentKind, lang: DocumentLang): string =>
  DOCUMENT_TITLES[kind][lang === 'zh-CN' ? 0 : 1];

function body(kind: DocumentKind, f: DocumentFacts, lang: DocumentLang): DocumentContent['sections'] {
  const d = f.event.data;
  const s = (zh: string, en: string) => say(lang, zh, en);
  const when = beijingTime(f.event.at, lang);
  const holder = f.orgName?.[lang] ?? s('本平台', 'the platform');
  const infringement = (found: unknown) =>
    found === true
      ? s('认定被申请人构成侵权。', 'The respondent is found to infringe.')
      : s('不认定被申请人构成侵权。', 'No infringement by the respondent is found.');
  const agreementSections = (): DocumentContent['sections'] => {
    const a = f.agreement;
    if (!a) return [];
    const signatures = a.signatures.map(
      (sig) =>
        `${sig.side === 'complainant' ? s('申请人', 'Complainant') : s('被申请人', 'Respondent')} ${sig.name} · ${s('签署于', 'signed at')} ${beijingTime(sig.at, lang)} · SHA-256 ${sig.sha256}`,
    );
    return [
      { heading: s('协议文本', 'Agreement text'), paragraphs: [a.text], mono: false },
      { heading: s('文本 SHA-256', 'SHA-256 of the text'), paragraphs: [a.sha256], mono: true },
      {
        heading: s('签署', 'Signatures'),
        paragraphs: signatures.length > 0 ? signatures : [s('尚无签署。', 'Not signed yet.')],
      },
    ];
  };
  switch (kind) {
    case 'acceptanceNotice':
      return [
        {
          paragraphs: [
            s(
              `${f.complainantName}：你方于 ${beijingTime(f.filedAt, lang)} 提交的知识产权纠纷申请，经审查符合受理条件，${holder}已于 ${when} 决定受理。`,
              `${f.complainantName}: the intellectual-property complaint you filed on ${beijingTime(f.filedAt, lang)} meets the conditions for acceptance; ${holder} accepted it on ${when}.`,
            ),
            ...(str(d.note) ? [`${s('说明', 'Note')}: ${str(d.note)}`] : []),
          ],
        },
      ];
    case 'rejectionNotice':
      return [
        {
          paragraphs: [
            s(
              `${f.complainantName}：经审查，你方申请不予受理（${when}）。`,
              `${f.complainantName}: after screening, your complaint is not accepted (${when}).`,
            ),
            `${s('理由', 'Reason')}: ${str(d.reason) ?? '—'}`,
          ],
        },
      ];
    case 'infoRequest': {
      const items = Array.isArray(d.items) ? d.items.map(String) : [];
      return [
        {
          paragraphs: [
            s(
              `${f.complainantName}：请补正以下材料，逾期未补正的，视为撤回申请。`,
              `${f.complainantName}: please provide the following; a complaint not completed in time lapses.`,
            ),
          ],
        },
        { heading: s('需补正事项', 'Items requested'), paragraphs: items.map((it, i) => `${i + 1}. ${it}`) },
        ...(str(d.note) ? [{ paragraphs: [`${s('说明', 'Note')}: ${str(d.note)}`] }] : []),
      ];
    }
    case 'mediationInvitation':
      return [
        {
          paragraphs: [
            s(
              `${f.respondentName}：${f.complainantName} 就与你方之间的知识产权纠纷申请调解。调解员已于 ${when} 接受指派。调解以自愿为原则，请于七日内表示是否同意调解（《人民调解法》第十七条）。`,
              `${f.respondentName}: ${f.complainantName} has asked for mediation of an intellectual-property dispute with you. The mediator accepted the assignment on ${when}. Mediation rests on consent: please say within seven days whether you agree to mediate (People's Mediation Law art. 17).`,
            ),
            ...(f.claimCny !== null
              ? [`${s('申请人请求金额', 'Amount claimed')}: ${money(f.claimCny, lang)}`]
              : []),
          ],
        },
      ];
    case 'mediationAgreement':
      return [
        {
          paragraphs: [
            s(
              `调解员于 ${when} 提出以下协议草案。双方当事人签署的是下列文本；草案变更后，此前的签署失效。`,
              `The mediator proposed this draft on ${when}. The parties sign the text below; a changed draft voids earlier signatures.`,
            ),
          ],
        },
        ...agreementSections(),
      ];
    case 'signedAgreement':
      return [
        {
          paragraphs: [
            s(
              `双方当事人已签署本协议，于 ${when} 生效。经调解组织调解达成的调解协议具有法律约束力（《人民调解法》第三十一条），双方可自协议生效之日起三十日内共同申请司法确认（《民事诉讼法》第二百零五条）。`,
              `Both parties signed this agreement; it took effect on ${when}. An agreement reached through mediation is legally binding (People's Mediation Law art. 31); the parties may jointly apply for judicial confirmation within 30 days (Civil Procedure Law art. 205).`,
            ),
          ],
        },
        ...agreementSections(),
      ];
    case 'confirmationApplication':
      return [
        {
          paragraphs: [
            s(
              `申请人 ${f.complainantName} 与被申请人 ${f.respondentName} 共同申请人民法院确认双方达成的调解协议有效（《民事诉讼法》第二百零五条；最高人民法院《关于适用〈中华人民共和国民事诉讼法〉的解释》第三百五十一条），申请完成于 ${when}。`,
              `${f.complainantName} and ${f.respondentName} jointly apply to the people's court to confirm their mediation agreement (Civil Procedure Law art. 205; SPC Interpretation art. 351); the joint application was completed on ${when}.`,
            ),
          ],
        },
        ...agreementSections(),
      ];
    case 'confirmationRuling':
      return [
        {
          paragraphs: [
            f.event.type === 'CONFIRM_AGREEMENT'
              ? s(
                  `经审查，双方当事人达成的调解协议符合司法确认条件，裁定确认该调解协议有效（${when}）。一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请执行（《民事诉讼法》第二百零六条）。`,
                  `The court rules that the mediation agreement is valid (${when}). Should a party fail to perform it, the other may apply to the court for enforcement (Civil Procedure Law art. 206).`,
                )
              : s(
                  `经审查，裁定驳回司法确认申请（${when}）。当事人可以通过调解方式变更原调解协议或者达成新的调解协议，也可以向人民法院提起诉讼。`,
                  `The court rules to refuse the application for confirmation (${when}). The parties may change the agreement or reach a new one through mediation, or bring a lawsuit.`,
                ),
            ...(str(d.reason) ? [`${s('理由', 'Reason')}: ${str(d.reason)}`] : []),
          ],
        },
        ...agreementSections(),
      ];
    case 'takedownNotice':
      return [
        {
          paragraphs: [
            s(
              `致电子商务平台经营者：经 ${holder} 认定，被申请人 ${f.respondentName} 的商品链接侵犯申请人 ${f.complainantName} 的知识产权。请及时采取删除、屏蔽、断开链接等必要措施（《电子商务法》第四十二条）。平台内经营者可以提交不存在侵权行为的声明（第四十三条）。`,
              `To the e-commerce platform operator: ${holder} has determined that the listing of ${f.respondentName} infringes the intellectual property of ${f.complainantName}. Please take the necessary measures (removal, blocking, disconnecting links) promptly (E-Commerce Law art. 42). The seller may file a statement that it does not infringe (art. 43).`,
            ),
            `${s('认定时间', 'Determined at')}: ${when}`,
          ],
        },
      ];
    case 'restoreNotice':
      return [
        {
          paragraphs: [
            s(
              `致电子商务平台经营者：经 ${holder} 认定，被申请人 ${f.respondentName} 的商品链接不构成侵权。就本投诉采取的删除、屏蔽、断开链接等措施应当及时终止，恢复该链接（《电子商务法》第四十三条）。`,
              `To the e-commerce platform operator: ${holder} has determined that the listing of ${f.respondentName} does not infringe. Any measure taken on this complaint (removal, blocking, disconnecting links) is to end and the listing be restored (E-Commerce Law art. 43).`,
            ),
            `${s('认定时间', 'Determined at')}: ${when}`,
          ],
        },
      ];
    case 'administrativeDecision':
      return [
        {
          paragraphs: [
            s(`${holder}于 ${when} 作出决定：`, `${holder} decided on ${when}:`),
            infringement(d.infringement),
            `${s('措施', 'Measure')}: ${labelOf.remedy(str(d.remedy), lang)}`,
            ...(str(d.note) ? [`${s('说明', 'Note')}: ${str(d.note)}`] : []),
          ],
        },
      ];
    case 'arbitralAward':
      return [
        {
          paragraphs: [
            s(
              `仲裁庭于 ${when} 作出裁决，裁决自作出之日起发生法律效力（《仲裁法》第五十七条）：`,
              `The tribunal rendered its award on ${when}; it is legally effective from the day it is made (Arbitration Law art. 57):`,
            ),
            infringement(d.infringement),
            ...(num(d.damagesCny) !== undefined
              ? [`${s('赔偿金额', 'Damages')}: ${money(num(d.damagesCny) as number, lang)}`]
              : []),
            ...(str(d.remedy) ? [`${s('其他裁决事项', 'Other relief')}: ${str(d.remedy)}`] : []),
          ],
        },
      ];
    case 'judgmentSummary': {
      const punitive = num(d.punitiveDamagesCny);
      return [
        {
          paragraphs: [
            s(
              `人民法院于 ${when} 作出一审判决：`,
              `The court rendered its first-instance judgment on ${when}:`,
            ),
            infringement(d.infringement),
            ...(num(d.damagesCny) !== undefined
              ? [`${s('赔偿金额', 'Damages')}: ${money(num(d.damagesCny) as number, lang)}`]
              : []),
            ...(punitive !== undefined && punitive > 0
              ? [
                  `${s('惩罚性赔偿', 'Punitive damages')}: ${money(punitive, lang)} (${s('基数', 'base')} ${money(num(d.punitiveBaseCny) ?? 0, lang)})`,
                ]
              : []),
            ...(str(d.remedy) ? [`${s('其他判项', 'Other relief')}: ${str(d.remedy)}`] : []),
            s(
              '当事人不服本判决的，可以在判决书送达之日起十五日内（在中华人民共和国领域内没有住所的当事人为三十日内）提起上诉（《民事诉讼法》第一百七十一条、第二百八十六条）。',
              'A party may appeal within 15 days of service (30 days for a party without domicile in China) (Civil Procedure Law arts. 171, 286).',
            ),
          ],
        },
      ];
    }
    case 'closureNotice': {
      const outcome = f.context.outcome;
      return [
        {
          paragraphs: [
            s(
              `本案于 ${when} 结案。结案方式：${labelOf.closure(f.context.closureReason, lang)}。`,
              `This case was closed on ${when}. Reason: ${labelOf.closure(f.context.closureReason, lang)}.`,
            ),
            ...(outcome?.damagesCny !== undefined
              ? [`${s('赔偿金额', 'Damages')}: ${money(outcome.damagesCny, lang)}`]
              : []),
            ...((str(d.reason) ?? str(d.note))
              ? [`${s('说明', 'Note')}: ${str(d.reason) ?? str(d.note)}`]
              : []),
          ],
        },
      ];
    }
  }
}

/** Lays out a document of `kind` from the case's facts, in `lang`. */
export function documentContent(
  kind: DocumentKind,
  facts: DocumentFacts,
  lang: DocumentLang,
): DocumentContent {
  const s = (zh: string, en: string) => say(lang, zh, en);
  return {
    title: titleOf(kind, lang),
    fields: [
      [s('案号', 'Case No.'), facts.caseNo],
      [s('案由', 'Matter'), facts.title],
      [s('申请人', 'Complainant'), facts.complainantName],
      [s('被申请人', 'Respondent'), facts.respondentName],
      [s('权利类型', 'Right'), labelOf.ipType(facts.ipType, lang)],
      [s('程序', 'Procedure'), labelOf.channel(facts.channel, lang)],
      [s('日期', 'Date'), beijingTime(facts.event.at, lang)],
    ],
    sections: body(kind, facts, lang),
  };
}
