import { CLOCKS } from '../../../shared/time/clocks.js';
import { caseLink, field, layoutMail, type MailTemplate } from '../mailLayout.js';

/** Formats an instant in Beijing time. */
function beijing(iso: string, locale: 'zh-CN' | 'en'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(d)}${locale === 'zh-CN' ? '（北京时间）' : ' (Beijing time)'}`;
}

/** A clock of a case passed 50 % or 80 % of its time, or expired, and the recipient must act. */
export const clockWarningMail: MailTemplate = (data, locale) => {
  const caseNo = field(data, 'caseNo');
  const level = field(data, 'level');
  const def = (CLOCKS as Record<string, { label: string; labelZh: string } | undefined>)[
    field(data, 'clock')
  ];
  const due = beijing(field(data, 'dueAt'), locale);
  const url = caseLink(data);
  if (locale === 'zh-CN') {
    const what = def?.labelZh ?? '期限';
    const head =
      level === 'breach'
        ? `案件 ${caseNo} 的“${what}”期限已届满（${due}）。`
        : `案件 ${caseNo} 的“${what}”期限已过 ${level === 'warning80' ? '80%' : '50%'}，将于 ${due} 届满。`;
    return layoutMail(locale, {
      subject: `【Sevenfold】${caseNo}：${what}${level === 'breach' ? '已超期' : '期限提醒'}`,
      paragraphs: [head, '请及时登录平台处理，以免影响案件进程。'],
      link: { url, label: '打开案件' },
    });
  }
  const what = def?.label ?? 'Time limit';
  const head =
    level === 'breach'
      ? `The period "${what}" of case ${caseNo} has expired (${due}).`
      : `The period "${what}" of case ${caseNo} is ${level === 'warning80' ? '80' : '50'} % gone; it ends ${due}.`;
  return layoutMail(locale, {
    subject: `[Sevenfold] ${caseNo}: ${what} ${level === 'breach' ? 'expired' : 'reminder'}`,
    paragraphs: [head, 'Please act in time so the case is not held up.'],
    link: { url, label: 'Open the case' },
  });
};
