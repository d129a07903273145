import { caseLink, field, layoutMail, type MailTemplate } from '../mailLayout.js';

/** It is the recipient's move on a case (consent, answer, signature…). */
export const actionWaitingMail: MailTemplate = (data, locale) => {
  const caseNo = field(data, 'caseNo');
  const title = field(data, 'title');
  const url = caseLink(data);
  if (locale === 'zh-CN') {
    return layoutMail(locale, {
      subject: `【Sevenfold】${caseNo} 等待您的处理`,
      paragraphs: [
        `案件 ${caseNo}（${title}）有一项需要您完成的操作。`,
        '请登录平台，在案件页面的“可执行操作”中处理。',
      ],
      link: { url, label: '去处理' },
    });
  }
  return layoutMail(locale, {
    subject: `[Sevenfold] ${caseNo} is waiting for you`,
    paragraphs: [
      `Case ${caseNo} (${title}) has a step that is yours to take.`,
      'Open the case and see the actions available to you.',
    ],
    link: { url, label: 'Take the step' },
  });
};
