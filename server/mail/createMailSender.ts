import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config/loadConfig.js';
import { mailOutboxModel, type MailOutboxDoc } from './mailOutboxModel.js';

/** Delivers the outbox. `tick` runs one pass (tests call it); `start` polls until `stop`. */
export interface MailSender {
  start(): void;
  stop(): Promise<void>;
  /** Sends (or, without SMTP, keeps) every mail due now; resolves with how many it handled. */
  tick(): Promise<number>;
}

/** What the sender needs; the timings have defaults for a real deployment. */
export interface MailSenderDeps {
  db: Connection;
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  now?: () => Date;
  /** How often to look for due mails, in ms (default 1000). */
  pollMs?: number;
  /** How long a claimed mail is held by its sender before another may take it, in ms (default 60 s). */
  leaseMs?: number;
  /** Attempts before the sender gives up on a mail (default 8). */
  maxAttempts?: number;
  /** The wait after the first failure, in ms (default 30 s); it doubles with each further failure. */
  backoffMs?: number;
  /** The longest wait between attempts, in ms (default 1 h). */
  maxBackoffMs?: number;
}

/**
 * Builds the sender. A mail is claimed atomically (one `findOneAndUpdate` of a due row moves its
 * `dueAt` to the end of a lease and counts the attempt), so two senders never hold one mail at once.
 * Sent: marked `sent`. Failed: due again after an exponential backoff, or `failed` after
 * `maxAttempts`. A sender that dies holding a mail leaves it due again when the lease ends; the
 * retry carries the same `Message-ID`. Without `SMTP_URL` a mail is `kept` for the administrator's
 * outbox screen and its links are written to the log.
 */
export function createMailSender(deps: MailSenderDeps): MailSender {
  const Outbox = mailOutboxModel(deps.db);
  const now = deps.now ?? (() => new Date());
  const leaseMs = deps.leaseMs ?? 60_000;
  const maxAttempts = deps.maxAttempts ?? 8;
  const backoffMs = deps.backoffMs ?? 30_000;
  const maxBackoffMs = deps.maxBackoffMs ?? 3_600_000;
  const owner = randomBytes(8).toString('hex');
  const transport: Transporter | undefined = deps.config.smtpUrl
    ? nodemailer.createTransport(deps.config.smtpUrl)
    : undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;

  async function claim(): Promise<MailOutboxDoc | null> {
    const at = now();
    return Outbox.findOneAndUpdate(
      { state: 'queued', dueAt: { $lte: at } },
      { $set: { dueAt: new Date(at.getTime() + leaseMs), leaseOwner: owner }, $inc: { attempts: 1 } },
      { sort: { dueAt: 1 }, returnDocument: 'after' },
    ).lean<MailOutboxDoc>();
  }

  async function deliver(mail: MailOutboxDoc): Promise<void> {
    if (!transport) {
      deps.logger.info(
        { to: mail.to, subject: mail.subject, links: mail.links },
        `mail kept in the local outbox (no SMTP_URL): ${mail.subject} → ${mail.links.join(' ')}`,
      );
      await Outbox.updateOne(
        { _id: mail._id, leaseOwner: owner },
        { $set: { state: 'kept', dueAt: null, leaseOwner: null } },
      );
      return;
    }
    try {
      await transport.sendMail({
        from: deps.config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: { 'Content-Language': mail.locale },
        attachments: mail.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
      });
    } catch (err) {
      const message = (err as Error).message.slice(0, 500);
      const giveUp = mail.attempts >= maxAttempts;
      const wait = Math.min(backoffMs * 2 ** (mail.attempts - 1), maxBackoffMs);
      await Outbox.updateOne(
        { _id: mail._id, leaseOwner: owner },
        {
          $set: giveUp
            ? { state: 'failed', dueAt: null, leaseOwner: null, lastError: message }
            : { dueAt: new Date(now().getTime() + wait), leaseOwner: null, lastError: message },
        },
      );
      (giveUp ? deps.logger.error : deps.logger.warn).call(
        deps.logger,
        { err, to: mail.to, attempts: mail.attempts, dedupeKey: mail.dedupeKey },
        giveUp ? 'gave up sending a mail' : 'sending a mail failed; trying again later',
      );
      return;
    }
    await Outbox.updateOne(
      { _id: mail._id, leaseOwner: owner },
      { $set: { state: 'sent', sentAt: now(), dueAt: null, leaseOwner: null, lastError: null } },
    );
  }

  async function tick(): Promise<number> {
    let handled = 0;
    // a pass ends when nothing is due (or after a batch, so stop() is never kept waiting long)
    for (let i = 0; i < 100; i++) {
      const mail = await claim();
      if (!mail) break;
      await deliver(mail);
      handled++;
    }
    return handled;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((err: unknown) => {
          deps.logger.error({ err }, 'mail sender pass failed');
          return 0;
        })
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, deps.pollMs ?? 1000);
    timer.unref();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      transport?.close();
    },
    tick,
  };
}
