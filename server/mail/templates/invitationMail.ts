import { field, layoutMail, type MailTemplate } from '../mailLayout.js';

/** An instant as a Beijing date and time (`2025-10-06 23:59`), the zone said by the caller. */
function beijing(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The respondent's invitation: a complaint names them; the single-use, expiring link lets them
 * register as the case's respondent or, signed in, claim it (`/invitations/<token>`).
 */
export const invitationMail: MailTemplate = (data, locale) => {
  const url = `${data.publicUrl}/invitations/${encodeURIComponent(field(data, 'token'))}`;
  const caseNo = field(data, 'caseNo');
  const complainant = field(data, 'complainantName');
  const respondent = field(data, 'respondentName');
  const until = beijing(field(data, 'expiresAt'));
  if (locale === 'zh-CN') {
    return layoutMail(locale, {
      subject: `【Sevenfold】知识产权纠纷通知：${caseNo}`,
      paragraphs: [
        `${respondent}：`,
        `${complainant} 在 Sevenfold 知识产权纠纷平台对您提出了投诉（案号 ${caseNo}，案由：${field(data, 'title')}）。`,
        '请打开下面的链接，注册为本案的被请求人，或登录已有账户后认领本案，查看投诉并作出回应。您确认收到之日即为送达之日，答辩和同意调解等期限自该日起算。',
        `链接只能使用一次，有效期至 ${until}（北京时间）。如果链接已失效，请联系办理本案的机构重新发送。`,
      ],
      link: { url, label: '查看邀请' },
    });
  }
  return layoutMail(locale, {
    subject: `[Sevenfold] An IP dispute names you: ${caseNo}`,
    paragraphs: [
      `To ${respondent},`,
      `${complainant} has filed a complaint against you on Sevenfold, the IP dispute platform (case ${caseNo}: ${field(data, 'title')}).`,
      'Open the link below to register as the respondent of this case, or sign in to your account and claim it, then read the complaint and respond. The day you confirm receipt is the day of service: your periods to answer and to consent to mediation run from it.',
      `The link works once and until ${until} (Beijing time). If it no longer works, ask the organisation handling the case to send a new one.`,
    ],
    link: { url, label: 'Open the invitation' },
  });
};
