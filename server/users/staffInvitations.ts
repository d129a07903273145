import type { ClientSession, Connection } from 'mongoose';
import type { AuditLog } from '../audit/auditLog.js';
import { runAudited } from '../audit/runAudited.js';
import type { AuthUser } from '../auth/authUser.js';
import { claimLink, hashLinkToken, newLinkToken } from '../auth/linkTokens.js';
import { DomainError } from '../errors/domainError.js';
import type { MailOutbox } from '../mail/createMailOutbox.js';
import { orgById } from '../orgs/orgLookups.js';
import { staffInvitationModel } from './staffInvitationModel.js';
import type { UserDoc } from './userModel.js';
import type { UserService } from './userService.js';

/** Staff invited by e-mail: a single-use, expiring link to choose a password and sign in. */
export interface StaffInvitations {
  /**
   * In the caller's transaction: makes a link for the account, queues its mail (`staffInvitation`,
   * in the account's language) and audits the sending (`user.invite`).
   */
  issue(session: ClientSession, user: UserDoc, by: AuthUser): Promise<void>;
  /** Sends a new link to an account still invited (409 otherwise); the earlier links stop working. */
  resend(userId: string, by: AuthUser): Promise<UserDoc>;
  /** Whom a link invites (name, e-mail), while it works; 400 with the reason when it does not. */
  check(token: string): Promise<{ name: string; email: string }>;
  /** Sets the password with a link's token (once, before it expires); resolves with the account. */
  accept(token: string, password: string): Promise<UserDoc>;
}

/** Why a link does not work: unknown, used, expired (or its account disabled). */
function refused(code: 'staffInvitationUnknown' | 'staffInvitationUsed' | 'staffInvitationExpired'): never {
  const detail = {
    staffInvitationUnknown: 'This invitation link is not valid. Ask whoever invited you to send it again.',
    staffInvitationUsed:
      'This invitation link was used already: sign in with the password you chose, or reset it.',
    staffInvitationExpired: 'This invitation link has expired. Ask whoever invited you to send a new one.',
  }[code];
  throw new DomainError('invalid', detail, { code });
}

/** Builds staff invitations over a connection, the user service, the outbox and the audit log. */
export function createStaffInvitations(deps: {
  db: Connection;
  users: UserService;
  outbox: MailOutbox;
  audit: AuditLog;
  now: () => Date;
  ttlHours: number;
}): StaffInvitations {
  const Links = staffInvitationModel(deps.db);

  const invitations: StaffInvitations = {
    async issue(session, user, by) {
      const at = deps.now();
      const { token, id } = newLinkToken();
      const expiresAt = new Date(at.getTime() + deps.ttlHours * 3600_000);
      const org = user.orgId ? await orgById(deps.db, user.orgId, { name: 1, nameZh: 1 }, session) : null;
      const locale = user.language ?? 'zh-CN';
      await Links.collection.insertOne(
        { _id: id, userId: user._id, createdAt: at, expiresAt, usedAt: null } as never,
        { session },
      );
      await deps.outbox.enqueue(
        {
          to: user.email,
          locale,
          template: 'staffInvitation',
          data: {
            token,
            name: user.name,
            inviterName: by.name,
            orgName: org ? (locale === 'zh-CN' ? org.nameZh : org.name) : '',
            expiresAt: expiresAt.toISOString(),
          },
          dedupeKey: `staff-invitation:${id}`,
          userId: user._id,
        },
        { session },
      );
      await deps.audit.change(session, by, {
        kind: 'user.invite',
        orgId: user.orgId,
        target: { type: 'user', id: user._id, label: user.name },
        before: null,
        after: { email: user.email },
      });
    },

    async resend(userId, by) {
      const user = await deps.users.get(userId);
      if (!user.invitedAt || !user.active)
        throw new DomainError('conflict', 'This account has already chosen its password.', {
          code: 'staffNotInvited',
        });
      const at = deps.now();
      return runAudited(deps.db, async (session) => {
        // the earlier links stop working: only the newest mail's link does
        await Links.collection.updateMany(
          { userId, usedAt: null } as never,
          { $set: { usedAt: at, expiresAt: at } },
          { session },
        );
        await deps.db
          .collection('users')
          .updateOne({ _id: userId } as never, { $set: { invitedAt: at } }, { session });
        const after = { ...user, invitedAt: at };
        await invitations.issue(session, after, by);
        return after;
      });
    },

    async check(token) {
      const link = await Links.findById(hashLinkToken(token)).lean();
      if (!link) refused('staffInvitationUnknown');
      if (link.usedAt)
        refused(
          link.usedAt.getTime() === link.expiresAt.getTime()
            ? 'staffInvitationExpired'
            : 'staffInvitationUsed',
        );
      if (link.expiresAt <= deps.now()) refused('staffInvitationExpired');
      const user = await deps.users.get(link.userId);
      if (!user.active) refused('staffInvitationUnknown');
      return { name: user.name, email: user.email };
    },

    async accept(token, password) {
      const at = deps.now();
      const link = await claimLink(Links.collection as never, token, at);
      if (!link) refused('staffInvitationUnknown');
      if (link.usedAt !== null)
        refused(
          link.usedAt.getTime() === link.expiresAt.getTime()
            ? 'staffInvitationExpired'
            : 'staffInvitationUsed',
        );
      if (link.expiresAt <= at) refused('staffInvitationExpired');
      const user = await deps.users.get(link.userId);
      if (!user.active) refused('staffInvitationUnknown');
      return deps.users.setPassword(user._id, password);
    },
  };
  return invitations;
}
