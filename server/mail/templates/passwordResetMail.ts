import { field, layoutMail, type MailTemplate } from '../mailLayout.js';

/** A link to choose a new password (single use, expiring). */
export const passwordResetMail: MailTemplate = (data, locale) => {
  const url = `${data.publicUrl}/reset-password/${encodeURIComponent(field(data, 'token'))}`;
  const minutes = field(data, 'expiresInMinutes');
  if (locale === 'zh-CN') {
    return layoutMail(locale, {
      subject: '【Sevenfold】重置密码',
      paragraphs: [
        '有人请求重置您在 Sevenfold 的账户密码。',
        `如果是您本人，请在 ${minutes} 分钟内打开下面的链接设置新密码；链接只能使用一次。`,
        '如果不是您本人操作，请忽略这封邮件，您的密码不会改变。',
      ],
      link: { url, label: '设置新密码' },
    });
  }
  return layoutMail(locale, {
    subject: '[Sevenfold] Reset your password',
    paragraphs: [
      'Someone asked to reset the password of your Sevenfold account.',
      `If it was you, open the link below within ${minutes} minutes to choose a new password; it works once.`,
      'If it was not you, ignore this mail: your password stays as it is.',
    ],
    link: { url, label: 'Choose a new password' },
  });
};
