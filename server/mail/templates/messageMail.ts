import { caseLink, field, layoutMail, type MailTemplate } from '../mailLayout.js';

/** A new message on a case that the recipient may read (joint session, or their own caucus). */
export const messageMail: MailTemplate = (data, locale) => {
  const caseNo = field(data, 'caseNo');
  const author = field(data, 'authorName');
  const excerpt = field(data, 'excerpt');
  const caucus = field(data, 'visibility').startsWith('caucus:');
  const url = caseLink(data);
  if (locale === 'zh-CN') {
    return layoutMail(locale, {
      subject: `【Sevenfold】${caseNo} 有新消息`,
      paragraphs: [
        `${author} 在案件 ${caseNo} 的${caucus ? '单方会谈' : '联合会谈'}中发来新消息：`,
        `“${excerpt}”`,
      ],
      link: { url, label: '查看并回复' },
    });
  }
  return layoutMail(locale, {
    subject: `[Sevenfold] New message on ${caseNo}`,
    paragraphs: [
      `${author} wrote in the ${caucus ? 'caucus' : 'joint session'} of case ${caseNo}:`,
      `“${excerpt}”`,
    ],
    link: { url, label: 'Read and reply' },
  });
};
