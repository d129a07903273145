import { createHash } from 'node:crypto';
import type { ClientSession } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../config/loadConfig.js';
import { mailOutboxModel, type MailOutboxDoc } from './mailOutboxModel.js';
import { mailTemplates } from './mailTemplates.js';
import type { OutgoingMail } from './outgoingMail.js';

/** The durable outbox: mails are stored here and a sender delivers them. */
export interface MailOutbox {
  /**
   * Renders and stores a mail for the sender. With `session` it is written inside the caller's
   * transaction (so an event and its mail commit together). A `dedupeKey` already stored is a no-op.
   */
  enqueue(mail: OutgoingMail, options?: { session?: ClientSession }): Promise<void>;
}

/** What the outbox needs. */
export interface MailOutboxDeps {
  db: Connection;
  config: Pick<Config, 'publicUrl' | 'mailFrom' | 'smtpUrl'>;
  logger: Pick<Logger, 'debug'>;
  now?: () => Date;
}

/** The domain of the sender's address (Message-IDs are made under it). */
export function mailDomain(mailFrom: string): string {
  const at = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom);
  return at?.[1] ?? 'sevenfold.local';
}

/** The addresses in a text (every `http(s)://` link of a mail). */
export function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s"'<>)]+/g) ?? [])];
}

/** Builds the outbox on a connection. */
export function createMailOutbox(deps: MailOutboxDeps): MailOutbox {
  const Outbox = mailOutboxModel(deps.db);
  const now = deps.now ?? (() => new Date());
  const domain = mailDomain(deps.config.mailFrom);
  return {
    async enqueue(mail, options = {}) {
      const render = mailTemplates[mail.template];
      if (!render) throw new Error(`no mail template ${String(mail.template)}`);
      const rendered = render({ ...mail.data, publicUrl: deps.config.publicUrl }, mail.locale);
      const digest = createHash('sha256').update(mail.dedupeKey).digest('hex').slice(0, 32);
      const doc: Omit<MailOutboxDoc, '_id'> = {
        dedupeKey: mail.dedupeKey,
        to: mail.to,
        locale: mail.locale,
        template: mail.template,
        data: mail.data,
        userId: mail.userId ?? null,
        caseId: mail.caseId ?? null,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        links: linksIn(rendered.text),
        attachments: mail.attachments ?? [],
        messageId: `<${digest}@${domain}>`,
        state: 'queued',
        dueAt: now(),
        attempts: 0,
        leaseOwner: null,
        lastError: null,
        createdAt: now(),
        sentAt: null,
      };
      // an upsert by the primary key: a stored key is found, not inserted again (no duplicate-key
      // error, which would abort the caller's transaction)
      await Outbox.collection.updateOne(
        { _id: mail.dedupeKey } as never,
        { $setOnInsert: doc },
        { upsert: true, ...(options.session ? { session: options.session } : {}) },
      );
      deps.logger.debug({ dedupeKey: mail.dedupeKey, template: mail.template }, 'mail enqueued');
    },
  };
}
