import type { Connection } from 'mongoose';
import type { OutboxMailSummary, OutboxMailView, OutboxPage } from '../../shared/mail/outboxView.js';
import { DomainError } from '../errors/domainError.js';
import { mailOutboxModel, type MailOutboxDoc } from './mailOutboxModel.js';

/** The administrator's view of the outbox: what was sent, what waits, what stays here without SMTP. */
export interface OutboxService {
  list(query: { before?: Date; limit: number }): Promise<OutboxPage>;
  get(id: string): Promise<OutboxMailView>;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function summary(doc: MailOutboxDoc): OutboxMailSummary {
  return {
    id: doc._id,
    to: doc.to,
    subject: doc.subject,
    template: doc.template,
    locale: doc.locale,
    state: doc.state,
    attempts: doc.attempts,
    caseId: doc.caseId,
    createdAt: new Date(doc.createdAt).toISOString(),
    sentAt: iso(doc.sentAt),
    lastError: doc.lastError,
  };
}

/** Builds the outbox service (callers check the administrator role). */
export function createOutboxService(db: Connection, delivery: 'smtp' | 'local'): OutboxService {
  const Outbox = mailOutboxModel(db);
  const LIST_FIELDS = { text: 0, html: 0, data: 0, attachments: 0, links: 0 };
  return {
    async list({ before, limit }) {
      // by the {createdAt} index, newest first (a range on it even for the first page: never a scan)
      const filter = { createdAt: { $lt: before ?? new Date(Date.UTC(9999, 11, 31)) } };
      const docs = await Outbox.find(filter, LIST_FIELDS)
        .sort({ createdAt: -1 })
        .limit(limit + 1)
        .lean<MailOutboxDoc[]>();
      const page = docs.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(summary),
        delivery,
        nextBefore: docs.length > limit && last ? new Date(last.createdAt).toISOString() : null,
      };
    },
    async get(id) {
      const doc = await Outbox.findById(id).lean<MailOutboxDoc>();
      if (!doc) throw new DomainError('notFound', 'No such mail.', { code: 'mailNotFound' });
      return { ...summary(doc), text: doc.text, html: doc.html, links: doc.links, messageId: doc.messageId };
    },
  };
}
