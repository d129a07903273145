import { caseLink, field, layoutMail, type MailTemplate } from '../mailLayout.js';

/** Formats an instant in Beijing time. */
function beijing(iso: string, locale: 'zh-CN' | 'en'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const text = new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(d);
  return `${text}${locale === 'zh-CN' ? '（北京时间）' : ' (Beijing time)'}`;
}

/**
 * A session or hearing of the recipient's case was scheduled; the mail carries its `.ics` invitation
 * (attached by the notifier), so it goes into the recipient's calendar in Beijing time.
 */
export const sessionScheduledMail: MailTemplate = (data, locale) => {
  const caseNo = field(data, 'caseNo');
  const title = field(data, 'title');
  const when = beijing(field(data, 'sessionAt'), locale);
  const note = field(data, 'note');
  const url = caseLink(data);
  const hearing = data.hearing === true;
  if (locale === 'zh-CN') {
    const what = hearing ? '开庭' : '调解会议';
    return layoutMail(locale, {
      subject: `【Sevenfold】${caseNo}：${what}已安排在 ${when}`,
      paragraphs: [
        `您好，${field(data, 'name')}：`,
        `案件 ${caseNo}（${title}）的${what}已安排在 ${when}。`,
        ...(note ? [`说明：${note}`] : []),
        `附件是该${hearing ? '庭审' : '会议'}的日历邀请（.ics），打开即可加入您的日历。`,
      ],
      link: { url, label: '打开案件' },
    });
  }
  return layoutMail(locale, {
    subject: `[Sevenfold] ${caseNo}: ${hearing ? 'hearing' : 'session'} scheduled for ${when}`,
    paragraphs: [
      `Hello ${field(data, 'name')},`,
      `A ${hearing ? 'hearing' : 'session'} of case ${caseNo} (${title}) is scheduled for ${when}.`,
      ...(note ? [`Note: ${note}`] : []),
      'The attached calendar invitation (.ics) adds it to your calendar.',
    ],
    link: { url, label: 'Open the case' },
  });
};
