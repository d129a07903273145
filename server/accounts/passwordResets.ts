import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { claimLink, newLinkToken } from '../auth/linkTokens.js';
import { DomainError } from '../errors/domainError.js';
import { createRateLimiter, type SharedRedis } from '../http/createRateLimiter.js';
import { TooManyRequestsError } from '../http/tooManyRequests.js';
import type { MailOutbox } from '../mail/createMailOutbox.js';
import { userByEmail } from '../users/userLookups.js';
import type { UserService } from '../users/userService.js';
import { passwordResetModel } from './passwordResetModel.js';

/** Password reset by e-mail. */
export interface PasswordResets {
  /**
   * Counts a request against the client address and the e-mail address (429 past either limit,
   * whether or not the e-mail has an account). Resolves at once; the link is made and mailed
   * afterwards, and only when an active account has this e-mail, so neither the answer nor its
   * timing tells whether it has one.
   */
  request(email: string, address: string): Promise<void>;
  /** Sets the new password with a link's token: once, before it expires (else 400). Ends every session. */
  confirm(token: string, password: string): Promise<void>;
}

/** Builds password resets over a connection, the user service and the mail outbox. */
export function createPasswordResets(deps: {
  db: Connection;
  users: UserService;
  outbox: MailOutbox;
  logger: Pick<Logger, 'error'>;
  now: () => Date;
  ttlMinutes: number;
  perHour: number;
  redis?: SharedRedis | undefined;
}): PasswordResets {
  const Resets = passwordResetModel(deps.db);
  const byAddress = createRateLimiter(deps.redis, {
    keyPrefix: 'reset-ip',
    points: deps.perHour,
    duration: 3600,
  });
  const byEmail = createRateLimiter(deps.redis, {
    keyPrefix: 'reset-email',
    points: deps.perHour,
    duration: 3600,
  });

  async function take(limiter: typeof byAddress, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      throw new TooManyRequestsError(
        'Too many password-reset requests. Try again later.',
        err.msBeforeNext,
        'resetThrottled',
      );
    }
  }

  async function issue(email: string): Promise<void> {
    const user = await userByEmail(deps.db, email);
    if (!user?.active) return;
    const { token, id } = newLinkToken();
    const at = deps.now();
    await Resets.create({
      _id: id,
      userId: user._id,
      createdAt: at,
      expiresAt: new Date(at.getTime() + deps.ttlMinutes * 60_000),
      usedAt: null,
    });
    await deps.outbox.enqueue({
      to: user.email,
      locale: user.language ?? 'zh-CN',
      template: 'passwordReset',
      data: { token, expiresInMinutes: deps.ttlMinutes },
      dedupeKey: `password-reset:${id}`,
      userId: user._id,
    });
  }

  return {
    async request(email, address) {
      await take(byAddress, address);
      await take(byEmail, email.toLowerCase());
      void issue(email).catch((err: unknown) =>
        deps.logger.error({ err }, 'making a password-reset link failed'),
      );
    },
    async confirm(token, password) {
      const at = deps.now();
      // one atomic claim: a second use, or an expired link, finds it spent
      const reset = await claimLink(Resets.collection as never, token, at);
      if (!reset || reset.usedAt !== null || reset.expiresAt <= at)
        throw new DomainError(
          'invalid',
          'This link is not valid: it was used already or has expired. Ask for a new one.',
          { code: 'resetLinkInvalid' },
        );
      await deps.users.setPassword(reset.userId, password);
    },
  };
}
