import { caseLink, field, layoutMail, type MailTemplate } from '../mailLayout.js';

const CLOSURE: Record<string, { zh: string; en: string }> = {
  settled: { zh: '和解结案', en: 'settled' },
  awarded: { zh: '仲裁裁决', en: 'closed by an arbitral award' },
  judged: { zh: '判决', en: 'closed by a judgment' },
  decided: { zh: '行政决定', en: 'closed by an administrative decision' },
  withdrawn: { zh: '撤回', en: 'withdrawn' },
  rejected: { zh: '不予受理', en: 'rejected' },
  lapsed: { zh: '逾期未补正', en: 'lapsed' },
  transferredOut: { zh: '移送其他渠道', en: 'transferred out' },
  appealed: { zh: '已上诉至上一级法院', en: 'appealed to the higher court' },
};

/** A case reached its outcome (resolved or closed, with the result). */
export const outcomeMail: MailTemplate = (data, locale) => {
  const caseNo = field(data, 'caseNo');
  const title = field(data, 'title');
  const reason = CLOSURE[field(data, 'closureReason')];
  const resolved = field(data, 'status') === 'resolved';
  const url = caseLink(data);
  if (locale === 'zh-CN') {
    const result = resolved ? '已作出处理结果，进入履行阶段' : `已结案，结果：${reason?.zh ?? '已结案'}`;
    return layoutMail(locale, {
      subject: `【Sevenfold】${caseNo} ${resolved ? '已有结果' : '已结案'}`,
      paragraphs: [`案件 ${caseNo}（${title}）${result}。`, '完整的结果与卷宗可在案件页面查看。'],
      link: { url, label: '查看结果' },
    });
  }
  const result = resolved ? 'has an outcome and moves to compliance' : `is closed: ${reason?.en ?? 'closed'}`;
  return layoutMail(locale, {
    subject: `[Sevenfold] ${caseNo} ${resolved ? 'has an outcome' : 'is closed'}`,
    paragraphs: [
      `Case ${caseNo} (${title}) ${result}.`,
      'The full result and the case file are on the case page.',
    ],
    link: { url, label: 'See the outcome' },
  });
};
