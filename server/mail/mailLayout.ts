import type { MailLocale } from './outgoingMail.js';

/** What every template produces: a subject, a plain-text part and an HTML part. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The data every template receives: the caller's, with the public address of Sevenfold added. */
export type MailData = Record<string, unknown> & { publicUrl: string };

/** A template: the mail for `data` in `locale`. */
export type MailTemplate = (data: MailData, locale: MailLocale) => RenderedMail;

/** Escapes text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A string field of template data ('' when absent). */
export function field(data: Record<string, unknown>, name: string): string {
  const v = data[name];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

/** The address of a case's page. */
export function caseLink(data: MailData): string {
  return `${data.publicUrl}/cases/${encodeURIComponent(field(data, 'caseId'))}`;
}

/**
 * Lays a mail out: the paragraphs, then the link (the button in HTML, the bare address in text, so
 * a reader without HTML can follow it), then the footer saying why it came.
 */
export function layoutMail(
  locale: MailLocale,
  parts: { subject: string; paragraphs: string[]; link: { url: string; label: string } },
): RenderedMail {
  const zh = locale === 'zh-CN';
  const footer = zh
    ? '这封邮件由 Sevenfold 知识产权纠纷平台发送。可在平台的“通知设置”中选择接收哪些邮件。'
    : 'Sent by Sevenfold, the IP dispute platform. Choose which mails you receive under Notification settings.';
  const text = [...parts.paragraphs, `${parts.link.label}: ${parts.link.url}`, '', '—', footer].join('\n\n');
  const html = [
    `<!doctype html><html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(parts.subject)}</title></head>`,
    '<body style="font-family:-apple-system,Segoe UI,PingFang SC,Microsoft YaHei,sans-serif;color:#1a1b1e;max-width:600px;margin:0 auto;padding:24px">',
    ...parts.paragraphs.map((p) => `<p style="line-height:1.6">${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(parts.link.url)}" style="display:inline-block;background:#1c7ed6;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(parts.link.label)}</a></p>`,
    `<p style="font-size:12px;color:#666">${escapeHtml(parts.link.url)}</p>`,
    `<hr><p style="font-size:12px;color:#666">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: parts.subject, text, html };
}
