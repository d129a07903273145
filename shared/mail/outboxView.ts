/** A mail of the outbox in the administrator's list. */
export interface OutboxMailSummary {
  id: string;
  to: string;
  subject: string;
  template: string;
  locale: 'zh-CN' | 'en';
  state: 'queued' | 'sent' | 'kept' | 'failed';
  attempts: number;
  caseId: string | null;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

/** One mail as the administrator opens it: its parts and its links. */
export interface OutboxMailView extends OutboxMailSummary {
  text: string;
  html: string;
  links: string[];
  messageId: string;
}

/** A page of the outbox, newest first. */
export interface OutboxPage {
  items: OutboxMailSummary[];
  /** Whether mails go out by SMTP (`SMTP_URL` set) or stay here. */
  delivery: 'smtp' | 'local';
  nextBefore: string | null;
}
