import type { MailTemplate } from './mailLayout.js';
import { actionWaitingMail } from './templates/actionWaitingMail.js';
import { assignmentMail } from './templates/assignmentMail.js';
import { clockWarningMail } from './templates/clockWarningMail.js';
import { invitationMail } from './templates/invitationMail.js';
import { messageMail } from './templates/messageMail.js';
import { outcomeMail } from './templates/outcomeMail.js';
import { passwordResetMail } from './templates/passwordResetMail.js';
import { sessionScheduledMail } from './templates/sessionScheduledMail.js';
import { staffInvitationMail } from './templates/staffInvitationMail.js';

/**
 * Every mail Sevenfold sends, by name: one template file each in `templates/`, a function
 * `(data, locale) => {subject, text, html}`; `data.publicUrl` is added by the outbox.
 */
export const mailTemplates = {
  assignment: assignmentMail,
  message: messageMail,
  actionWaiting: actionWaitingMail,
  clockWarning: clockWarningMail,
  outcome: outcomeMail,
  passwordReset: passwordResetMail,
  invitation: invitationMail,
  sessionScheduled: sessionScheduledMail,
  staffInvitation: staffInvitationMail,
} satisfies Record<string, MailTemplate>;

/** The name of a mail template. */
export type MailTemplateName = keyof typeof mailTemplates;

/** Template names, for validation. */
export const MAIL_TEMPLATE_NAMES = Object.keys(mailTemplates) as MailTemplateName[];

/**
 * Templates whose mail carries a secret (a reset link, an invitation link): once the SMTP server accepted it, its parts
 * are blanked in the outbox, so nobody reading the outbox can use the link.
 */
export const SECRET_TEMPLATES: ReadonlySet<string> = new Set<MailTemplateName>([
  'passwordReset',
  'invitation',
  'staffInvitation',
]);
