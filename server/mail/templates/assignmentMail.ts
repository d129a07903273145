import { caseLink, field, layoutMail, type MailTemplate } from '../mailLayout.js';

const ROLE_ZH: Record<string, string> = {
  mediator: '调解员',
  arbitrator: '仲裁员',
  investigator: '调查员',
  officer: '承办人员',
};

/** A case was assigned to the recipient (mediator, arbitrator, investigator, or their organisation's officer). */
export const assignmentMail: MailTemplate = (data, locale) => {
  const caseNo = field(data, 'caseNo');
  const title = field(data, 'title');
  const role = field(data, 'role');
  const url = caseLink(data);
  if (locale === 'zh-CN') {
    return layoutMail(locale, {
      subject: `【Sevenfold】新案件指派：${caseNo}`,
      paragraphs: [
        `您好，${field(data, 'name')}：`,
        `案件 ${caseNo}（${title}）已指派给您，您的身份为${ROLE_ZH[role] ?? '承办人员'}。`,
        '请尽快登录平台查看案件并处理。',
      ],
      link: { url, label: '打开案件' },
    });
  }
  return layoutMail(locale, {
    subject: `[Sevenfold] Case assigned to you: ${caseNo}`,
    paragraphs: [
      `Hello ${field(data, 'name')},`,
      `Case ${caseNo} (${title}) has been assigned to you as ${role || 'officer'}.`,
      'Please open the case and take it up.',
    ],
    link: { url, label: 'Open the case' },
  });
};
