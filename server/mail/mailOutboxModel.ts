import { Schema, type Connection, type Model } from 'mongoose';
import type { MailAttachment, MailLocale } from './outgoingMail.js';

/**
 * Where a stored mail is: `queued` (waiting, or leased to a sender until `dueAt`), `sent` (the SMTP
 * server accepted it), `kept` (no `SMTP_URL`: it stays here for an administrator to read), `failed`
 * (the sender gave up after its attempts).
 */
export type MailState = 'queued' | 'sent' | 'kept' | 'failed';

/**
 * A mail in the outbox. `_id` is its `dedupeKey`, so enqueueing the same occasion twice is one upsert
 * that finds it. `dueAt` is when a sender may next claim it: a claim moves it to the lease's end, so
 * a sender that died mid-send leaves it due again once the lease expires.
 */
export interface MailOutboxDoc {
  _id: string;
  dedupeKey: string;
  to: string;
  locale: MailLocale;
  template: string;
  data: Record<string, unknown>;
  userId: string | null;
  caseId: string | null;
  subject: string;
  text: string;
  html: string;
  /** The links of the mail (the server log prints them when no SMTP server is configured). */
  links: string[];
  attachments: MailAttachment[];
  /** The `Message-ID` every attempt sends, so a resend after a crash is recognisably the same mail. */
  messageId: string;
  state: MailState;
  dueAt: Date | null;
  attempts: number;
  /** The sender holding the lease (a random id per sender). */
  leaseOwner: string | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

const schema = new Schema<MailOutboxDoc>(
  {
    _id: { type: String, required: true },
    dedupeKey: { type: String, required: true, unique: true },
    to: { type: String, required: true },
    locale: { type: String, required: true, enum: ['zh-CN', 'en'] },
    template: { type: String, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    userId: { type: String, default: null },
    caseId: { type: String, default: null },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    html: { type: String, required: true },
    links: { type: [String], default: [] },
    attachments: { type: Schema.Types.Mixed, default: [] },
    messageId: { type: String, required: true },
    state: { type: String, required: true, enum: ['queued', 'sent', 'kept', 'failed'] },
    dueAt: { type: Date, default: null },
    attempts: { type: Number, default: 0 },
    leaseOwner: { type: String, default: null },
    lastError: { type: String, default: null },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date, default: null },
  },
  { versionKey: false, minimize: false, collection: 'mail_outbox' },
);
// the sender's due query: {state: 'queued', dueAt: {$lte: now}} sorted by dueAt
schema.index({ state: 1, dueAt: 1 });
// the administrator's outbox screen: newest first
schema.index({ createdAt: -1 });

/** The `mail_outbox` model on a connection. */
export function mailOutboxModel(conn: Connection): Model<MailOutboxDoc> {
  return (
    (conn.models.MailOutbox as Model<MailOutboxDoc> | undefined) ??
    conn.model<MailOutboxDoc>('MailOutbox', schema)
  );
}
