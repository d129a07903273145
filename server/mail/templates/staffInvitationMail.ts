import { field, layoutMail, type MailTemplate } from '../mailLayout.js';

/** An instant as a Beijing date and time (`2025-10-06 23:59`). */
function beijing(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * A new staff member's invitation: the platform supervisor or their organisation's lead made their
 * account; the single-use, expiring link lets them choose a password and signs them in
 * (`/staff-invitation/<token>`).
 */
export const staffInvitationMail: MailTemplate = (data, locale) => {
  const url = `${data.publicUrl}/staff-invitation/${encodeURIComponent(field(data, 'token'))}`;
  const name = field(data, 'name');
  const inviter = field(data, 'inviterName');
  const org = field(data, 'orgName');
  const until = beijing(field(data, 'expiresAt'));
  if (locale === 'zh-CN') {
    return layoutMail(locale, {
      subject: '【Sevenfold】邀请您加入知识产权纠纷平台',
      paragraphs: [
        `${name}：`,
        `${inviter} 为您在 Sevenfold 知识产权纠纷平台创建了工作账户${org ? `（${org}）` : ''}。`,
        '请打开下面的链接设置您的密码，设置后即自动登录。',
        `链接只能使用一次，有效期至 ${until}（北京时间）。如果链接已失效，请联系邀请您的人重新发送。`,
      ],
      link: { url, label: '设置密码并登录' },
    });
  }
  return layoutMail(locale, {
    subject: '[Sevenfold] You are invited to the IP dispute platform',
    paragraphs: [
      `${name},`,
      `${inviter} created a staff account for you on Sevenfold, the IP dispute platform${org ? ` (${org})` : ''}.`,
      'Open the link below to choose your password; you are then signed in.',
      `The link works once, until ${until} (Beijing time). If it no longer works, ask whoever invited you to send it again.`,
    ],
    link: { url, label: 'Choose a password and sign in' },
  });
};
